/**
 * A build plugin for the seller-page content script: zod's classic schemas import its JSON Schema
 * generator (to-json-schema.js, json-schema-processors.js) for `toJSONSchema()` and the Standard
 * Schema `jsonSchema` methods, and reach it from every schema's constructor, so no bundler can drop
 * it: 4.5 KB of the script's gzipped 100 KB budget (issue 14: 100,713 -> 96,146 bytes) for code
 * the page never calls.
 * For imports made by classic/schemas.js only, those two modules are replaced by stand-ins whose
 * functions throw a clear error if anything ever does call them; `aggregateChecks` (behind
 * `minValue`, `maxLength`, `isInt`...) stays zod's own. The build fails if zod's layout changes
 * so that the replacement no longer applies, instead of silently keeping the weight. (Content
 * code calling `z.toJSONSchema`, as lib/background/reorder-values.ts does, would get zod's
 * generator over these stand-ins and throw the error below: keep such code out of lib/content.)
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const PROCESSORS = '/zod/v4/core/json-schema-processors.js';
const GENERATOR = '/zod/v4/core/to-json-schema.js';
const IMPORTER = '/zod/v4/classic/schemas.js';
const STUB_PREFIX = '\0zod-without-json-schema:';

const UNAVAILABLE = `const unavailable = () => { throw new Error('zod JSON Schema output is left out of this bundle (scripts/build/zod-without-json-schema.ts)'); };`;

/**
 * Names a module exports with `export const` / `export function`, as zod's built files declare them.
 * @example exportedNames('export const a = 1;\nexport function b() {}') // ['a', 'b']
 */
export function exportedNames(source: string): string[] {
  return [...source.matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1]!);
}

/** The processors stand-in: every processor throws; aggregateChecks is re-exported from zod itself. */
function processorsStandIn(realPath: string, source: string): string {
  const names = exportedNames(source).filter((name) => name !== 'aggregateChecks');
  return [UNAVAILABLE, `export { aggregateChecks } from ${JSON.stringify(realPath)};`, ...names.map((name) => `export const ${name} = unavailable;`)].join(
    '\n',
  );
}

/** The generator stand-in: the two method factories give methods that throw when called. */
function generatorStandIn(): string {
  return [UNAVAILABLE, 'export const createToJSONSchemaMethod = () => unavailable;', 'export const createStandardJSONSchemaMethod = () => unavailable;'].join(
    '\n',
  );
}

export function zodWithoutJsonSchema(): Plugin {
  const replaced = new Set<string>();
  return {
    name: 'zod-without-json-schema',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer?.replaceAll('\\', '/').endsWith(IMPORTER)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const path = resolved?.id.replaceAll('\\', '/');
      if (!path || !(path.endsWith(PROCESSORS) || path.endsWith(GENERATOR))) return null;
      return STUB_PREFIX + resolved!.id;
    },
    load(id) {
      if (!id.startsWith(STUB_PREFIX)) return null;
      const realPath = id.slice(STUB_PREFIX.length);
      const kind = realPath.replaceAll('\\', '/').endsWith(PROCESSORS) ? 'processors' : 'generator';
      replaced.add(kind);
      return kind === 'processors' ? processorsStandIn(realPath, readFileSync(realPath, 'utf8')) : generatorStandIn();
    },
    buildEnd(error) {
      if (!error && replaced.size !== 2)
        this.error(
          `zod-without-json-schema replaced ${[...replaced].join(', ') || 'nothing'}: zod's layout changed, see scripts/build/zod-without-json-schema.ts`,
        );
    },
  };
}
