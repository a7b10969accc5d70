import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseStatus, redirectStatusCodes } from '@org/redirect-core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allSnippets, intentFor, intentSource, snippetsFor } from './snippets';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('intentFor', () => {
  it.each(redirectStatusCodes)('gives an intent for which chooseStatus answers %i', (code) => {
    expect(chooseStatus(intentFor(code))).toBe(code);
  });
});

describe('snippetsFor', () => {
  it.each(redirectStatusCodes)(
    '%i: every snippet carries the intent that yields the code',
    (code) => {
      for (const snippet of snippetsFor(code)) {
        expect(snippet.code).toContain(String(code));
      }
      const koa = snippetsFor(code).find((snippet) => snippet.framework === 'koa');
      expect(koa?.code).toContain(`redirectTo(ctx, '/new-path', ${intentSource(intentFor(code))})`);
    },
  );

  it('type-checks every snippet against the adapters and frameworks', () => {
    // Written inside the app so that module resolution finds the workspace's node_modules.
    const dir = join(appDir, '.generate', 'snippets');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = allSnippets().flatMap(({ code, snippets }) =>
      snippets.map((snippet) => {
        const file = join(dir, `${snippet.framework}-${code}-${snippet.file}`);
        writeFileSync(file, snippet.code);
        return file;
      }),
    );
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      customConditions: ['@org/source'],
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .filter(
        (diagnostic) => diagnostic.file === undefined || files.includes(diagnostic.file.fileName),
      )
      .map((diagnostic) => {
        const where = diagnostic.file
          ? `${diagnostic.file.fileName.slice(dir.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
          : '';
        return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      });
    expect(diagnostics).toEqual([]);
  });
});
