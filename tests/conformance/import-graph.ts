/**
 * The import graph of the extension's own code (lib/, components/, entrypoints/), built from the
 * source text with the TypeScript parser (no type checking, so it takes well under a second),
 * for the house-rule tests beside it: no import cycles, and the import boundaries.
 *
 * Every way one module names another is an edge, each with its kind:
 * - `value`: `import x from`, `import { x } from`, `import './side-effect'`, `export … from`;
 * - `type`:  `import type …`, `import { type A, type B }` (every name type-only),
 *            `export type … from`, and `import('…').T` in a type position;
 * - `dynamic`: `import('…')` calls (loaded later, in their own chunk).
 * Specifiers resolve like tsconfig.json / the bundler: relative paths and the WXT aliases
 * `@/`, `~/`, `@@/`, `~~/` (all the project root), trying `.ts`, `.tsx`, then `/index.ts(x)`.
 * Bare package names (`react`, `wxt/browser`) are not our code and are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SOURCE_DIRS = ['lib', 'components', 'entrypoints'] as const;

export type EdgeKind = 'value' | 'type' | 'dynamic';

export interface Edge {
  /** Importing file, root-relative with forward slashes ("lib/store/db.ts"). */
  from: string;
  /** Imported file, root-relative. */
  to: string;
  kind: EdgeKind;
  /** The specifier as written. */
  specifier: string;
  /** 1-based line of the import. */
  line: number;
}

export interface ImportGraph {
  /** Every parsed file, sorted. */
  files: string[];
  edges: Edge[];
  /** Imports of our own code that resolved to no file (relative or aliased). */
  unresolved: { from: string; specifier: string; line: number }[];
}

const CODE = /\.(ts|tsx|mts|cts)$/;
const ASSET = /\.(css|html|json|svg|png|jpe?g|webp|txt|md|jsonl)(\?.*)?$/;
const ALIASES = ['@/', '~/', '@@/', '~~/'];

/** A test file: never shipped (`*.test.ts(x)`, `*.spec.ts`, declaration files). */
export function isTestFile(rel: string): boolean {
  return /\.(test|spec)\.tsx?$/.test(rel) || rel.endsWith('.d.ts');
}

/** Every TypeScript file under `dirs` (root-relative), skipping node_modules and dot folders. */
export function sourceFiles(dirs: readonly string[] = SOURCE_DIRS, root = ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (CODE.test(name)) out.push(toRel(full, root));
    }
  };
  for (const d of dirs) walk(join(root, d));
  return out.sort();
}

function toRel(full: string, root: string): string {
  return relative(root, full).split(sep).join('/');
}

/** The file a specifier names from `fromRel`, or null (bare package, or nothing there). */
export function resolveSpecifier(fromRel: string, specifier: string, root = ROOT): string | null | 'package' {
  let base: string;
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    base = resolve(root, dirname(fromRel), specifier);
  } else {
    const alias = ALIASES.find((a) => specifier.startsWith(a));
    if (!alias && !['@', '~', '@@', '~~'].includes(specifier)) return 'package';
    base = resolve(root, alias ? specifier.slice(alias.length) : '.');
  }
  const clean = base.replace(/\?.*$/, '');
  const candidates = CODE.test(clean)
    ? [clean]
    : [`${clean}.ts`, `${clean}.tsx`, join(clean, 'index.ts'), join(clean, 'index.tsx'), clean.replace(/\.js$/, '.ts'), clean];
  for (const c of candidates) {
    if (existsSync(c) && statSync(c).isFile()) return toRel(c, root);
  }
  return null;
}

export interface RawImport {
  specifier: string;
  kind: EdgeKind;
  /** 1-based line of the import. */
  line: number;
}

/** Every module a file names, with how it names it. */
export function importsOf(fileName: string, text: string): RawImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { specifier: string; kind: EdgeKind; pos: number }[] = [];
  const literal = (node: ts.Node | undefined): string | undefined => (node && ts.isStringLiteralLike(node) ? node.text : undefined);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const specifier = literal(node.moduleSpecifier);
      if (specifier !== undefined) out.push({ specifier, kind: importDeclarationIsType(node) ? 'type' : 'value', pos: node.getStart(source) });
    } else if (ts.isExportDeclaration(node)) {
      const specifier = literal(node.moduleSpecifier);
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      const typeOnly = node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly));
      if (specifier !== undefined) out.push({ specifier, kind: typeOnly ? 'type' : 'value', pos: node.getStart(source) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const specifier = literal(node.moduleReference.expression);
      if (specifier !== undefined) out.push({ specifier, kind: node.isTypeOnly ? 'type' : 'value', pos: node.getStart(source) });
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      const specifier = ts.isLiteralTypeNode(arg) ? literal(arg.literal) : undefined;
      if (specifier !== undefined) out.push({ specifier, kind: 'type', pos: node.getStart(source) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const specifier = literal(node.arguments[0]);
      if (specifier !== undefined) out.push({ specifier, kind: 'dynamic', pos: node.getStart(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.map((i) => ({ ...i, line: source.getLineAndCharacterOfPosition(i.pos).line + 1 }));
}

function importDeclarationIsType(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'`: runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false; // a default import is a value
  const bindings = clause.namedBindings;
  if (!bindings) return false;
  if (ts.isNamespaceImport(bindings)) return false;
  // `import { type A, type B } from` erases to nothing (verbatimModuleSyntax keeps `import {} from` only when a name is a value).
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** The graph of the given files (root-relative); edges only to files that exist. */
export function buildGraph(files: readonly string[] = sourceFiles(), root = ROOT): ImportGraph {
  const edges: Edge[] = [];
  const unresolved: ImportGraph['unresolved'] = [];
  for (const from of files) {
    const text = readFileSync(join(root, from), 'utf8');
    for (const imp of importsOf(from, text)) {
      const to = resolveSpecifier(from, imp.specifier, root);
      if (to === 'package') continue;
      if (to === null) {
        if (!ASSET.test(imp.specifier)) unresolved.push({ from, specifier: imp.specifier, line: imp.line });
        continue;
      }
      if (!CODE.test(to)) continue; // an asset (css, html)
      edges.push({ from, to, kind: imp.kind, specifier: imp.specifier, line: imp.line });
    }
  }
  return { files: [...files].sort(), edges, unresolved };
}

/** Adjacency lists over the edges whose kind is in `kinds` (both ends must be graph files). */
export function adjacency(graph: ImportGraph, kinds: readonly EdgeKind[]): Map<string, string[]> {
  const nodes = new Set(graph.files);
  const adj = new Map<string, string[]>(graph.files.map((f) => [f, []]));
  for (const e of graph.edges) {
    if (!kinds.includes(e.kind) || !nodes.has(e.to)) continue;
    const list = adj.get(e.from)!;
    if (!list.includes(e.to)) list.push(e.to);
  }
  for (const list of adj.values()) list.sort();
  return adj;
}

/** Strongly connected components with more than one file, or one file importing itself (Tarjan). */
export function cyclicComponents(adj: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string) => {
    // Iterative, so a deep import chain cannot overflow the call stack.
    const work: { v: string; i: number }[] = [{ v, i: 0 }];
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    while (work.length) {
      const top = work[work.length - 1]!;
      const next = adj.get(top.v) ?? [];
      if (top.i < next.length) {
        const w = next[top.i++]!;
        if (!indexOf.has(w)) {
          indexOf.set(w, index);
          low.set(w, index);
          index++;
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(top.v, Math.min(low.get(top.v)!, indexOf.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.v;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
      }
      if (low.get(top.v) === indexOf.get(top.v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== top.v);
        if (component.length > 1 || (adj.get(top.v) ?? []).includes(top.v)) out.push(component.sort());
      }
    }
  };
  for (const v of [...adj.keys()].sort()) if (!indexOf.has(v)) strong(v);
  return out.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/**
 * Every elementary cycle inside one strongly connected component, each starting at its smallest
 * file (so each cycle is listed once), up to `limit` of them.
 */
export function cyclesIn(component: readonly string[], adj: ReadonlyMap<string, readonly string[]>, limit = 100): string[][] {
  const members = [...component].sort();
  const cycles: string[][] = [];
  // Johnson-style enumeration restricted to members >= start, which is plenty for the small
  // components an import graph has; `limit` keeps a pathological tangle from hanging the test.
  for (let s = 0; s < members.length && cycles.length < limit; s++) {
    const start = members[s]!;
    const allowed = new Set(members.slice(s));
    const path: string[] = [start];
    const onPath = new Set([start]);
    const dfs = (v: string) => {
      for (const w of adj.get(v) ?? []) {
        if (cycles.length >= limit) return;
        if (!allowed.has(w)) continue;
        if (w === start) cycles.push([...path]);
        else if (!onPath.has(w)) {
          path.push(w);
          onPath.add(w);
          dfs(w);
          path.pop();
          onPath.delete(w);
        }
      }
    };
    dfs(start);
  }
  return cycles;
}

/** The kind an edge from `from` to `to` has (value wins over type, type over dynamic). */
export function edgeKind(graph: ImportGraph, from: string, to: string): EdgeKind | undefined {
  const kinds = graph.edges.filter((e) => e.from === from && e.to === to).map((e) => e.kind);
  return kinds.includes('value') ? 'value' : kinds.includes('type') ? 'type' : kinds[0];
}

/** A cycle as text: "a.ts -(type)-> b.ts -> a.ts". */
export function describeCycle(graph: ImportGraph, cycle: readonly string[]): string {
  const parts: string[] = [cycle[0]!];
  for (let i = 0; i < cycle.length; i++) {
    const from = cycle[i]!;
    const to = cycle[(i + 1) % cycle.length]!;
    const kind = edgeKind(graph, from, to);
    parts.push(kind === 'value' ? ` -> ${to}` : ` -(${kind})-> ${to}`);
  }
  return parts.join('');
}

/**
 * Files reachable from `start` along the given edge kinds, each with the chain of files that
 * leads to it (breadth first, so the chain is a shortest one).
 */
export function reachable(graph: ImportGraph, start: string, kinds: readonly EdgeKind[]): Map<string, string[]> {
  const adj = adjacency(graph, kinds);
  const chain = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of adj.get(v) ?? []) {
      if (chain.has(w)) continue;
      chain.set(w, [...chain.get(v)!, w]);
      queue.push(w);
    }
  }
  return chain;
}
