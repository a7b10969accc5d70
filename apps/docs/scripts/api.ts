/**
 * Generates the API reference data (`generated/api.generated.json`) from the TypeScript sources
 * and TSDoc of every public `@org/redirect-*` package, with the TypeScript compiler API.
 *
 * Run by `npm run generate` (and so by `build`, `dev` and `typecheck`). The output is written with
 * stable formatting, so regenerating an unchanged tree gives the same bytes.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { ApiEntry, ApiKind, ApiPackage, ApiReference } from '../lib/api-types';

const here = dirname(fileURLToPath(import.meta.url));
// The script runs from `.generate/` (bundled) or `scripts/` (source): both sit in apps/docs.
const appDir = resolve(here, '..');
const repoRoot = resolve(appDir, '../..');
const outFile = join(appDir, 'generated', 'api.generated.json');

/** Longest type text shown inline; longer types are summarised and linked to their source. */
const maxTypeText = 600;

function publicPackages(): { name: string; description: string; dir: string }[] {
  const packagesDir = join(repoRoot, 'packages');
  return readdirSync(packagesDir)
    .sort()
    .flatMap((folder) => {
      const dir = join(packagesDir, folder);
      const manifestPath = join(dir, 'package.json');
      if (!existsSync(manifestPath) || !existsSync(join(dir, 'src', 'index.ts'))) return [];
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        name: string;
        description?: string;
      };
      if (!manifest.name.startsWith('@org/redirect-')) return [];
      return [{ name: manifest.name, description: manifest.description ?? '', dir }];
    });
}

function kindOf(declaration: ts.Declaration): ApiKind {
  if (ts.isFunctionDeclaration(declaration)) return 'function';
  if (ts.isClassDeclaration(declaration)) return 'class';
  if (ts.isInterfaceDeclaration(declaration)) return 'interface';
  if (ts.isTypeAliasDeclaration(declaration)) return 'type';
  if (ts.isEnumDeclaration(declaration)) return 'enum';
  return 'const';
}

function squash(text: string): string {
  return text.replace(/\r\n/g, '\n').trim();
}

function signatureOf(
  declarations: readonly ts.Declaration[],
  checker: ts.TypeChecker,
  name: string,
): string {
  const first = declarations[0]!;
  if (ts.isFunctionDeclaration(first)) {
    // Every overload, without bodies.
    return declarations
      .filter(ts.isFunctionDeclaration)
      .filter((fn, _, all) => all.length === 1 || !fn.body)
      .map((fn) => {
        const text = fn.getText();
        const bodyStart = fn.body ? fn.body.getStart() - fn.getStart() : text.length;
        return `${squash(text.slice(0, bodyStart)).replace(/^export\s+/, '')};`;
      })
      .join('\n');
  }
  if (ts.isVariableDeclaration(first)) {
    const type = first.type
      ? first.type.getText()
      : checker.typeToString(
          checker.getTypeAtLocation(first),
          first,
          ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.MultilineObjectLiterals,
        );
    const shown =
      type.length > maxTypeText ? `{ /* ${type.length} characters: see source */ }` : type;
    return `const ${name}: ${shown};`;
  }
  const text = squash(first.getText()).replace(/^export\s+/, '');
  return text.length > maxTypeText * 4 ? `${text.slice(0, maxTypeText * 4)}\n// ...` : text;
}

function entryFor(
  exported: ts.Symbol,
  checker: ts.TypeChecker,
  packageDir: string,
  packageName: string,
): ApiEntry | null {
  const symbol =
    exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declarations = symbol.declarations ?? [];
  const first = declarations[0];
  if (!first) return null;
  const file = first.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(first.getStart());
  const tags = symbol.getJsDocTags(checker).map((tag) => ({
    name: tag.name,
    text: ts.displayPartsToString(tag.text).trim(),
  }));
  const name = exported.name;
  return {
    name,
    id: `${packageName.replace('@org/', '')}-${name}`,
    kind: kindOf(first),
    signature: signatureOf(declarations, checker, name),
    doc: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
    tags,
    source: `${relative(repoRoot, file.fileName)}#L${line + 1}`,
    file: relative(packageDir, file.fileName),
  };
}

function describePackage(pkg: { name: string; description: string; dir: string }): ApiPackage {
  const entry = join(pkg.dir, 'src', 'index.ts');
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['@org/source'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`@org/docs: cannot read the exports of ${entry}`);
  const exported = checker.getExportsOfModule(moduleSymbol);
  const resolve = (symbol: ts.Symbol) =>
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const named = new Set(exported.filter((s) => s.name !== 'default').map(resolve));
  const exports = exported
    // A default export that repeats a named one is listed once, under its name.
    .filter((symbol) => symbol.name !== 'default' || !named.has(resolve(symbol)))
    .map((symbol) => entryFor(symbol, checker, pkg.dir, pkg.name))
    .filter((item): item is ApiEntry => item !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const packageDoc = source.statements.length
    ? (ts
        .getJSDocCommentsAndTags(source.statements[0]!)
        .filter(ts.isJSDoc)
        .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
        .find((text) => text.length > 0) ?? '')
    : '';
  return {
    name: pkg.name,
    description: pkg.description,
    doc: packageDoc.trim(),
    exports,
  };
}

const reference: ApiReference = { packages: publicPackages().map(describePackage) };
mkdirSync(dirname(outFile), { recursive: true });
const json = `${JSON.stringify(reference, null, 2)}\n`;
const previous = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
if (previous !== json) {
  // Atomic: `build` and `typecheck` may generate at the same time, and Next.js must never read
  // a half-written file.
  const temporary = `${outFile}.${process.pid}.tmp`;
  writeFileSync(temporary, json);
  renameSync(temporary, outFile);
}
const count = reference.packages.reduce((sum, pkg) => sum + pkg.exports.length, 0);
console.log(
  `@org/docs: API reference for ${reference.packages.length} packages, ${count} exports -> ${relative(appDir, outFile)}`,
);
