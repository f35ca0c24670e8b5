/**
 * House rules about imports, checked on every run so they hold by themselves:
 * - no import cycles among the source files of lib/, components/ and entrypoints/ (type-only
 *   imports count: a type cycle is still two modules that cannot be understood apart);
 * - lib/ never imports components/ or entrypoints/;
 * - outside lib/store, the store is imported only through lib/store/index.ts (type imports
 *   too); tests may also use lib/store/test-helpers.ts;
 * - the content script (entrypoints/*.content.ts and everything it imports, dynamically too)
 *   never imports lib/store: pages reach the store through messages only.
 * A failure lists every offending file and line (or every cycle), not just the first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  ROOT,
  adjacency,
  buildGraph,
  cyclesIn,
  cyclicComponents,
  describeCycle,
  importsOf,
  isTestFile,
  reachable,
  sourceFiles,
  type Edge,
  type ImportGraph,
} from './import-graph';

const ALL = sourceFiles();
const SOURCES = ALL.filter((f) => !isTestFile(f));
const graph = buildGraph(ALL);
const sourceGraph: ImportGraph = { ...graph, files: SOURCES, edges: graph.edges.filter((e) => !isTestFile(e.from)) };

const at = (e: Edge) => `${e.from}:${e.line} ${e.kind === 'value' ? '' : `(${e.kind}) `}'${e.specifier}' -> ${e.to}`;

/** Every cycle of the import graph (value and type imports; dynamic imports load later, so they are left out), as text. */
function cycleReport(g: ImportGraph): string[] {
  const adj = adjacency(g, ['value', 'type']);
  return cyclicComponents(adj).flatMap((component) => cyclesIn(component, adj).map((cycle) => describeCycle(g, cycle)));
}

describe('the import graph parser', () => {
  it('finds every kind of import and tells type-only ones apart', () => {
    const text = [
      "import a from './a';",
      "import { b } from './b';",
      "import type { C } from './c';",
      "import { type D, type E } from './d';",
      "import { type F, g } from './f';",
      "import './side-effect';",
      "export { h } from './h';",
      "export type { I } from './i';",
      "export * from './star';",
      "import * as ns from './ns';",
      "type J = import('./j').J;",
      "const k = () => import('./k');",
      "import r from 'react';",
    ].join('\n');
    expect(importsOf('x.ts', text).map((i) => `${i.specifier} ${i.kind} ${i.line}`)).toEqual([
      './a value 1',
      './b value 2',
      './c type 3',
      './d type 4',
      './f value 5',
      './side-effect value 6',
      './h value 7',
      './i type 8',
      './star value 9',
      './ns value 10',
      './j type 11',
      './k dynamic 12',
      'react value 13',
    ]);
  });

  it('finds a cycle of type imports, lists each cycle once and says which edges are type-only', () => {
    const adj = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'a.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    const components = cyclicComponents(adj);
    expect(components).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cyclesIn(components[0]!, adj)).toEqual([
      ['a.ts', 'b.ts', 'c.ts'],
      ['a.ts', 'b.ts'],
    ]);
    const g: ImportGraph = {
      files: ['a.ts', 'b.ts'],
      unresolved: [],
      edges: [
        { from: 'a.ts', to: 'b.ts', kind: 'value', specifier: './b', line: 1 },
        { from: 'b.ts', to: 'a.ts', kind: 'type', specifier: './a', line: 1 },
      ],
    };
    expect(cycleReport(g)).toEqual(['a.ts -> b.ts -(type)-> a.ts']);
    expect(cyclicComponents(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
  });

  it('sees every import the TypeScript pre-processor sees, and resolves every one of our own', () => {
    for (const file of ALL) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const ours = new Set(importsOf(file, text).map((i) => i.specifier));
      const compiler = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
      expect(
        compiler.filter((s) => !ours.has(s)),
        file,
      ).toEqual([]);
    }
    expect(graph.unresolved).toEqual([]);
    // Sanity: the graph is the real one (the content script reaches the page readers).
    expect(graph.edges.some((e) => e.from === 'entrypoints/seller.content.ts' && e.to === 'lib/platforms/index.ts')).toBe(true);
  });
});

describe('house rules: imports', () => {
  it('no import cycles among the source files of lib/, components/ and entrypoints/ (type imports included)', () => {
    expect(SOURCES.length).toBeGreaterThan(100);
    expect(cycleReport(sourceGraph), 'import cycles (break each: move the shared type to the module both sides depend on)').toEqual([]);
  });

  it('lib/ never imports components/ or entrypoints/', () => {
    const bad = graph.edges.filter((e) => e.from.startsWith('lib/') && /^(components|entrypoints)\//.test(e.to));
    expect(bad.map(at)).toEqual([]);
  });

  it('outside lib/store, the store is imported only through lib/store/index.ts (type imports too)', () => {
    const bad = graph.edges.filter(
      (e) => !isTestFile(e.from) && !e.from.startsWith('lib/store/') && e.to.startsWith('lib/store/') && e.to !== 'lib/store/index.ts',
    );
    expect(bad.map(at), 'import these from lib/store/index.ts (export them there if they are part of the store API)').toEqual([]);
  });

  it('tests outside lib/store use the store through lib/store/index.ts, plus lib/store/test-helpers.ts', () => {
    const allowed = new Set(['lib/store/index.ts', 'lib/store/test-helpers.ts']);
    const bad = graph.edges.filter((e) => isTestFile(e.from) && !e.from.startsWith('lib/store/') && e.to.startsWith('lib/store/') && !allowed.has(e.to));
    expect(bad.map(at)).toEqual([]);
  });

  it('the content script and everything it imports (statically, dynamically or for types) never import lib/store', () => {
    const contentScripts = SOURCES.filter((f) => /^entrypoints\/[^/]+\.content(\.tsx?|\/index\.tsx?)$/.test(f));
    expect(contentScripts).toContain('entrypoints/seller.content.ts');
    const bad: string[] = [];
    for (const entry of contentScripts) {
      for (const [file, chain] of reachable(sourceGraph, entry, ['value', 'type', 'dynamic'])) {
        if (file.startsWith('lib/store/')) bad.push(chain.join(' -> '));
      }
    }
    expect(bad).toEqual([]);
  });
});
