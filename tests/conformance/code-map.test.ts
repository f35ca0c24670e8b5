/**
 * The maps of the code say what is in the tree: every path README.md's "Map of the code" names
 * exists, every folder of lib/ and components/ (and every file directly in lib/) is on the map,
 * and every path the READMEs and CONTRIBUTING.md name elsewhere exists too. CONTRIBUTING.md's
 * recipe steps also name functions and constants: each must be found in a file the step (or
 * the step it belongs to) names. When this fails after a file moved, fix the docs, not the test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, isTestFile } from './import-graph';

const TOP = /^(lib|components|entrypoints|scripts|tests|docs|public)\//;
const FILE = /\.(ts|tsx|mts|mjs|md|json|jsonl|css|html|png|tsv|csv)$/;
/** Written by the build or the demo, never in the tree. */
const OUTPUTS = [/^demo-output\//, /^\.output\//, /^test-results\//];

/**
 * A path as written, with `<name>` placeholders standing for any one name: does anything in
 * the tree match it (`tests/fixtures/db/v<N>.json`, `lib/platforms/<platform>/<page>.ts`)?
 */
function pathExists(rel: string, root = ROOT): boolean {
  const clean = rel.replace(/\/$/, '');
  if (!clean.includes('<')) return existsSync(join(root, clean));
  const segments = clean.split('/');
  const walk = (dir: string, i: number): boolean => {
    if (i === segments.length) return true;
    const segment = segments[i]!;
    if (!segment.includes('<')) return existsSync(join(dir, segment)) && walk(join(dir, segment), i + 1);
    const pattern = new RegExp(
      `^${segment
        .split(/<[^>]+>/)
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+')}$`,
    );
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
    return readdirSync(dir).some((name) => pattern.test(name) && walk(join(dir, name), i + 1));
  };
  return walk(root, 0);
}

interface MapEntry {
  line: number;
  /** The paths in the map's left column. */
  paths: string[];
  /** Paths its description names (relative names are tried against the entry's folder and that folder's parent). */
  mentions: string[];
  text: string;
}

/** The "Map of the code" block of README.md, one entry per line. */
function codeMap(readme: string): MapEntry[] {
  const start = readme.indexOf('## Map of the code');
  if (start < 0) throw new Error('README.md has no "## Map of the code" section');
  const open = readme.indexOf('```', start);
  const close = readme.indexOf('```', open + 3);
  const firstLine = readme.slice(0, open).split('\n').length + 1;
  return readme
    .slice(readme.indexOf('\n', open) + 1, close)
    .split('\n')
    .flatMap((text, i) => {
      if (!text.trim()) return [];
      const [column = '', ...rest] = text.split(/\s{2,}/);
      const description = rest.join(' ');
      const mentions = description
        .split(/[\s,;:()]+/)
        .map((w) => w.replace(/[.]+$/, '').replace(/^['"`]+|['"`]+$/g, ''))
        .filter((w) => !/[<*>]/.test(w) && (TOP.test(w) || FILE.test(w)));
      return [{ line: firstLine + i, paths: column.trim().split(/\s+/), mentions, text }];
    });
}

/** Paths named in backticks or as link targets in a markdown file. */
function namedPaths(markdown: string): string[] {
  const ticks = [...markdown.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);
  const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!.replace(/#.*$/, '')).filter((l) => l && !/^[a-z]+:/.test(l));
  return [...new Set([...ticks, ...links])].filter(
    (p) => !/[*|{}]/.test(p) && !p.startsWith('.') && (TOP.test(p) || (FILE.test(p) && !p.includes(' ')) || p.endsWith('/')) && !/^(https?:|\.\.\/)/.test(p),
  );
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const entries = codeMap(readme);
const mapped = new Set(entries.flatMap((e) => e.paths.map((p) => p.replace(/\/$/, ''))));

describe('README.md: the map of the code', () => {
  it('parses the map (a sanity check of the parser)', () => {
    expect(entries.length).toBeGreaterThan(10);
    expect(mapped).toContain('lib/records.ts');
    expect(entries.find((e) => e.paths.includes('lib/charts/'))?.paths).toEqual(['lib/charts/', 'lib/export/']);
    expect(codeMap('## Map of the code\n\n```\nlib/a/          the b.ts helper (lib/c.ts)\n```\n')).toEqual([
      { line: 4, paths: ['lib/a/'], mentions: ['b.ts', 'lib/c.ts'], text: 'lib/a/          the b.ts helper (lib/c.ts)' },
    ]);
  });

  it('every path it names exists', () => {
    const missing: string[] = [];
    for (const e of entries) {
      for (const p of e.paths) if (!pathExists(p)) missing.push(`README.md:${e.line} ${p}`);
      const folder = e.paths[0]!.endsWith('/') ? e.paths[0]!.replace(/\/$/, '') : posix.dirname(e.paths[0]!);
      for (const m of e.mentions) {
        const candidates = TOP.test(m) ? [m] : [posix.join(folder, m), posix.join(posix.dirname(folder), m), m];
        if (!candidates.some((c) => pathExists(c))) missing.push(`README.md:${e.line} ${m} (in the description of ${e.paths[0]})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every folder of lib/ and components/, and every file directly in lib/', () => {
    const dirs = (d: string) =>
      readdirSync(join(ROOT, d))
        .filter((n) => !n.startsWith('.') && statSync(join(ROOT, d, n)).isDirectory())
        .map((n) => `${d}/${n}`);
    const libFiles = readdirSync(join(ROOT, 'lib'))
      .filter((n) => /\.tsx?$/.test(n) && !isTestFile(n))
      .map((n) => `lib/${n}`);
    const unmapped = [...dirs('lib'), ...dirs('components'), ...libFiles, 'entrypoints', 'scripts', 'tests/fixtures', 'tests/e2e'].filter(
      (p) => !mapped.has(p),
    );
    expect(unmapped, 'add a line for each to the map in README.md').toEqual([]);
  });
});

describe('paths the READMEs and CONTRIBUTING.md name exist', () => {
  const readmes = [
    'README.md',
    'CONTRIBUTING.md',
    ...readdirSync(join(ROOT, 'lib'))
      .map((d) => `lib/${d}/README.md`)
      .filter((f) => existsSync(join(ROOT, f))),
  ];

  it('finds paths in markdown (a sanity check of the parser)', () => {
    expect(namedPaths('see `lib/a.ts`, [b](docs/b.md), `amazon/orders`, `plan.ts` and [site](https://x.y/z.md)')).toEqual(['lib/a.ts', 'plan.ts', 'docs/b.md']);
    expect(pathExists('tests/fixtures/db/v<N>.json')).toBe(true);
    expect(pathExists('tests/fixtures/db/w<N>.json')).toBe(false);
    expect(pathExists('lib/platforms/<platform>/<page>.ts')).toBe(true);
    expect(pathExists('lib/platforms/<platform>/<page>.tsx')).toBe(false);
  });

  for (const file of readmes) {
    it(`${file}: every file or folder it names exists`, () => {
      const here = dirname(file);
      const missing = namedPaths(readFileSync(join(ROOT, file), 'utf8'))
        .filter((p) => !OUTPUTS.some((o) => o.test(p)))
        .filter((p) => !pathExists(posix.join(here, p)) && !pathExists(p));
      expect(missing, `${basename(file)} names paths that are not in the tree`).toEqual([]);
    });
  }
});

/** One step of a recipe: a list item with its continuation lines, and the files it and its parents name. */
interface Step {
  line: number;
  text: string;
  files: string[];
}

/** The list items of a markdown text, each with the files named by it and by the items it is nested in. */
function steps(markdown: string): Step[] {
  const files = (text: string) => namedPaths(text).filter((p) => !p.includes('<') && !p.endsWith('/') && pathExists(p) && statSync(join(ROOT, p)).isFile());
  const items: { step: Step; indent: number; parent?: Step }[] = [];
  let open: { step: Step; indent: number }[] = []; // the items the next line may belong to, outermost first
  let inFence = false;
  markdown.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('```')) inFence = !inFence;
    const item = inFence ? null : /^(\s*)(?:\d+\.|-)\s/.exec(line);
    if (item) {
      const indent = item[1]!.length;
      open = open.filter((o) => o.indent < indent);
      const step: Step = { line: i + 1, text: line, files: [] };
      items.push({ step, indent, parent: open[open.length - 1]?.step });
      open.push({ step, indent });
    } else if (line.trim() && /^\s/.test(line) && open.length) {
      open[open.length - 1]!.step.text += `\n${line}`; // a continuation line
    } else if (line.trim()) {
      open = []; // a paragraph ends the list
    }
  });
  const parentOf = new Map(items.map((it) => [it.step, it.parent]));
  for (const { step } of items) {
    const named: string[] = [];
    for (let s: Step | undefined = step; s; s = parentOf.get(s)) named.push(...files(s.text));
    step.files = [...new Set(named)];
  }
  return items.map((it) => it.step);
}

/** Identifiers in backticks (`ADAPTERS`, `panelFromPlan`, `situation()`). */
function identifiers(text: string): string[] {
  return [...text.matchAll(/`([A-Za-z_$][\w$]*)(?:\(\))?`/g)].map((m) => m[1]!);
}

describe('CONTRIBUTING.md: the names its recipes give are in the code', () => {
  const doc = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const all = steps(doc);

  it('reads the recipe steps (a sanity check of the parser)', () => {
    const sample = steps('1. **A** `X` in `lib/records.ts`:\n   - `Y` in `lib/random.ts`,\n     `Z`.\n2. `W`\n');
    expect(sample.map((s) => [s.line, s.files, identifiers(s.text)])).toEqual([
      [1, ['lib/records.ts'], ['X']],
      [2, ['lib/random.ts', 'lib/records.ts'], ['Y', 'Z']],
      [4, [], ['W']],
    ]);
    expect(all.length).toBeGreaterThan(20);
  });

  it('every function, type or constant a step names is in a file that step names', () => {
    const sources = new Map<string, string>();
    const read = (f: string) => sources.get(f) ?? (sources.set(f, readFileSync(join(ROOT, f), 'utf8')), sources.get(f)!);
    const missing: string[] = [];
    let checked = 0;
    for (const step of all) {
      if (step.files.length === 0) continue;
      checked += identifiers(step.text).length;
      for (const name of identifiers(step.text)) {
        const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}([^\\w$]|$)`);
        if (!step.files.some((f) => word.test(read(f)))) missing.push(`CONTRIBUTING.md:${step.line} \`${name}\` not in ${step.files.join(', ')}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });
});
