import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPackages, root } from './workspace';

// Packs every public package, installs the tarballs into a fresh project outside the
// monorepo, and uses them there as a user would: import, require and type-check.
const packages = publicPackages();
const project = mkdtempSync(join(tmpdir(), 'redirect-consumer-'));
const sh = (cmd: string, args: string[], cwd = project) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

beforeAll(() => {
  const packs = join(project, 'packs');
  mkdirSync(packs);
  for (const { dir } of packages) sh('npm', ['pack', '--pack-destination', packs], dir);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const tarballs = readdirSync(packs).map((file) => join(packs, file));
  // @types/koa reads the types of the top-level `content-disposition`: keep Koa's 1.x there
  // (Express 5.3 then gets its 2.x nested, whose types have no `Options`).
  const pins = ['content-disposition@^1'];
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...pins, ...tarballs]);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('a fresh project using the packed tarballs', () => {
  it('imports every package from ESM', () => {
    const lines = packages.map(
      ({ name }, i) => `import * as m${i} from '${name}'; check('${name}', m${i});`,
    );
    writeFileSync(
      join(project, 'esm.mjs'),
      [
        "const check = (name, m) => { if (Object.keys(m).length === 0) throw new Error(name + ' has no exports'); console.log(name, 'ok'); };",
        ...lines,
        "import { chooseStatus } from '@org/redirect-core';",
        "if (chooseStatus({ permanent: true }) !== 308) throw new Error('chooseStatus');",
      ].join('\n'),
    );
    const out = sh('node', ['esm.mjs']);
    for (const { name } of packages) expect(out).toContain(`${name} ok`);
  });

  it('requires every package from CommonJS', () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      [
        ...packages.map(
          ({ name }) =>
            `if (Object.keys(require('${name}')).length === 0) throw new Error('${name}'); console.log('${name} ok');`,
        ),
        "if (require('@org/redirect-core').chooseStatus({ permanent: false, preserveMethod: false }) !== 303) throw new Error('chooseStatus');",
      ].join('\n'),
    );
    const out = sh('node', ['cjs.cjs']);
    for (const { name } of packages) expect(out).toContain(`${name} ok`);
  });

  it('runs every package command that npm linked into node_modules/.bin', () => {
    const commands = packages.flatMap(({ manifest }) =>
      Object.keys(manifest.bin ?? {}).map((command) => ({ command, version: manifest.version })),
    );
    expect(commands.map(({ command }) => command)).toContain('redirects');
    for (const { command, version } of commands) {
      expect(sh(join(project, 'node_modules', '.bin', command), ['--version'])).toBe(
        `${version}\n`,
      );
    }
  });

  it('answers redirects from the Express and Hono tarballs on their frameworks', () => {
    writeFileSync(
      join(project, 'adapters.mjs'),
      `import { once } from 'node:events';
import express from 'express';
import { Hono } from 'hono';
import { redirects as expressRedirects } from '@org/redirect-express';
import { redirects as honoRedirects, redirectTo } from '@org/redirect-hono';
const rules = [{ from: '/old/:slug', to: '/new/:slug', permanent: true }];
const app = express().use(expressRedirects(rules));
const server = app.listen(0, '127.0.0.1');
await once(server, 'listening');
const res = await fetch('http://127.0.0.1:' + server.address().port + '/old/a', { redirect: 'manual' });
console.log('express', res.status, res.headers.get('location'));
server.close();
const hono = new Hono().use('*', honoRedirects(rules)).get('/go', (c) => redirectTo(c, '//evil.test'));
for (const path of ['/old/a', '/go']) {
  const answer = await hono.fetch(new Request('http://site.test' + path));
  console.log('hono', answer.status, answer.headers.get('location'));
}
`,
    );
    expect(sh('node', ['adapters.mjs'])).toBe('express 308 /new/a\nhono 308 /new/a\nhono 307 /\n');
  });

  it('loads the file source of @org/redirect-redis (its /file entry) from ESM and CommonJS', () => {
    writeFileSync(join(project, '_redirects'), '/old /new 301\n');
    const use = `const source = await createFileRedirectSource({ file: '_redirects' });
console.log(source.current().match({ url: '/old' }).location); source.close();`;
    writeFileSync(
      join(project, 'file-source.mjs'),
      `import { createFileRedirectSource } from '@org/redirect-redis/file';\n${use}`,
    );
    writeFileSync(
      join(project, 'file-source.cjs'),
      `const { createFileRedirectSource } = require('@org/redirect-redis/file');\n(async () => {\n${use}\n})();`,
    );
    expect(sh('node', ['file-source.mjs'])).toBe('/new\n');
    expect(sh('node', ['file-source.cjs'])).toBe('/new\n');
  });

  it.each(['node16', 'bundler'] as const)('type-checks with moduleResolution %s', (resolution) => {
    const imports = packages.map(({ name }, i) => `import * as m${i} from '${name}';`).join('\n');
    const uses = packages.map((_, i) => `m${i}`).join(', ');
    const body = `${imports}
import { chooseStatus, type RedirectStatus } from '@org/redirect-core';
export const permanent: 308 = chooseStatus({ permanent: true });
export const any: RedirectStatus = chooseStatus({});
export const all = [${uses}];
`;
    writeFileSync(join(project, 'esm.ts'), body);
    writeFileSync(
      join(project, 'cjs.cts'),
      `import core = require('@org/redirect-core');\nexport const s: 301 = core.chooseStatus({ permanent: true, legacyClients: true });\n`,
    );
    const module = resolution === 'node16' ? 'node16' : 'esnext';
    const files = resolution === 'node16' ? ['esm.ts', 'cjs.cts'] : ['esm.ts'];
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = [tsc, '--noEmit', '--strict', '--skipLibCheck', 'false', '--module', module];
    args.push('--moduleResolution', resolution, '--target', 'es2022', '--types', 'node');
    args.push('--typeRoots', join(root, 'node_modules', '@types'), ...files);
    let output = '';
    try {
      output = sh('node', args);
    } catch (error) {
      output = String((error as { stdout: string }).stdout);
    }
    expect(output).toBe('');
  });
});
