/**
 * The schema upgrades (lib/store/migrations/) use only code frozen with them: each file may
 * import other files of that folder, dexie, and types (`import type` / `export type`: with
 * verbatimModuleSyntax, `import { type X }` still loads the module). A value import of a live
 * helper would let a later change to it change how an old database upgrades.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from './schema';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const ALLOWED_PACKAGES = new Set(['dexie']);

const sourceFiles = () =>
  readdirSync(DIR)
    .filter((f) => f.endsWith('.ts') && !/\.(test|spec|d)\.ts$/.test(f))
    .sort();

/** The module specifiers a file loads at run time that are neither in the folder nor allowed packages, with their line. */
function forbiddenImports(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const check = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean) => {
    if (typeOnly) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (!spec || !ts.isStringLiteralLike(spec)) {
      found.push(`${file}:${line} loads a computed module`);
      return;
    }
    const name = spec.text;
    const inside = name.startsWith('.') && !relative(DIR, resolve(dirname(file), name)).startsWith('..');
    if (!inside && !ALLOWED_PACKAGES.has(name)) found.push(`${file}:${line} ${node.getText(sf).split('\n')[0]}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) check(node, node.moduleSpecifier, node.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) check(node, node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      check(node, node.moduleReference.expression, node.isTypeOnly);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      check(node, node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('frozen schema upgrades (lib/store/migrations)', () => {
  it('import nothing outside the folder but types and dexie', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(0);
    const forbidden = files.flatMap((f) => forbiddenImports(join(DIR, f), readFileSync(join(DIR, f), 'utf8')));
    expect(forbidden.map((s) => s.replace(DIR, 'migrations/'))).toEqual([]);
  });

  it('the import check catches value imports of live code', () => {
    const file = join(DIR, 'vX-to-vY.ts');
    const text = [
      "import type { ListingRow } from '../tables/listings';", // allowed: types only
      "export type { PlanRow } from '../tables/plans';", // allowed
      "import type { Transaction } from 'dexie';", // allowed
      "import { Dexie } from 'dexie';", // allowed: dexie
      "import { urgencyOf } from './frozen-sort-key';", // allowed: frozen code
      "import { groupOf } from '../groups';",
      "import { type PlanRow, pickPlan } from '../plans';",
      "import { type SearchEntry } from '../tables/searchChunks';", // loads the module (verbatimModuleSyntax)
      "import '../db';",
      "export { poolIdFor } from '../tables/stockPools';",
      "import { z } from 'zod';",
      "const m = await import('../listing-store');",
    ].join('\n');
    expect(forbiddenImports(file, text).map((s) => s.split(' ').slice(1).join(' '))).toEqual([
      "import { groupOf } from '../groups';",
      "import { type PlanRow, pickPlan } from '../plans';",
      "import { type SearchEntry } from '../tables/searchChunks';",
      "import '../db';",
      "export { poolIdFor } from '../tables/stockPools';",
      "import { z } from 'zod';",
      "import('../listing-store')",
    ]);
  });

  it('every upgrade of SCHEMA_VERSIONS is migrations/v<N-1>-to-v<N>.ts, and every such file is used', async () => {
    const upgradeFiles = sourceFiles().filter((f) => /^v\d+-to-v\d+\.ts$/.test(f));
    const expected: string[] = [];
    for (const [i, v] of SCHEMA_VERSIONS.entries()) {
      if (!v.upgrade) continue;
      const from = SCHEMA_VERSIONS[i - 1]!.version;
      const file = `v${from}-to-v${v.version}.ts`;
      expected.push(file);
      const mod = (await import(`./migrations/v${from}-to-v${v.version}.ts`)) as Record<string, unknown>;
      expect(mod[`upgradeToV${v.version}`], file).toBe(v.upgrade);
    }
    expect(upgradeFiles).toEqual(expected.sort());
  });
});
