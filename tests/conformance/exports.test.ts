/**
 * House rule: no unused exports. A name exported from the extension's own code (lib/,
 * components/, entrypoints/) must be imported somewhere else in the repository (source, tests,
 * scripts, benches) by name, through a re-export, or as `import('…').Name`; otherwise it is a
 * local that says it is an API. A file's default export (entrypoints, React pages) is its own
 * convention and not checked.
 * Modules loaded with `import('…')` are used through the object they resolve to, so their
 * exports all count as used.
 * The check is by name, not by module: a name used anywhere counts as used. That keeps it
 * simple and never wrong in the strict direction (it may miss an unused export whose name is
 * also used elsewhere; it never reports a used one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, buildGraph, isTestFile, sourceFiles } from './import-graph';

/** Every TypeScript file whose imports count as uses. */
const IMPORTERS = ['lib', 'components', 'entrypoints', 'scripts', 'tests'] as const;

/** Names imported (or re-exported from another module) anywhere in `files`. */
export function importedNames(files: readonly string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
        for (const e of node.importClause.namedBindings.elements) used.add((e.propertyName ?? e.name).text);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const e of node.exportClause.elements) used.add((e.propertyName ?? e.name).text);
      }
      if (ts.isImportTypeNode(node) && node.qualifier) used.add(ts.isIdentifier(node.qualifier) ? node.qualifier.text : node.qualifier.right.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

/** The names a file exports by declaration (`export const/function/class/interface/type/enum`), default exports left out. */
export function declaredExports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of source.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

describe('exports', () => {
  it('finds declared exports and imported names (the checker itself)', () => {
    expect(
      declaredExports('a.ts', 'export const a = 1, b = 2;\nexport function f() {}\nexport default function g() {}\nexport type T = 1;\nconst x = 1;'),
    ).toEqual(['a', 'b', 'f', 'T']);
  });

  it('every export of lib/, components/ and entrypoints/ is used somewhere else', () => {
    const importers = sourceFiles(IMPORTERS);
    const used = importedNames(importers);
    // A module loaded with import('…') is used through the object it resolves to: all its exports count.
    const loadedLater = new Set(
      buildGraph(importers)
        .edges.filter((e) => e.kind === 'dynamic')
        .map((e) => e.to),
    );
    const unused: string[] = [];
    for (const file of sourceFiles().filter((f) => !isTestFile(f) && !loadedLater.has(f))) {
      for (const name of declaredExports(file, readFileSync(join(ROOT, file), 'utf8'))) if (!used.has(name)) unused.push(`${file}: ${name}`);
    }
    expect(unused, 'exported but never imported: drop the export (or the code)').toEqual([]);
  });
});
