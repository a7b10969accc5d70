import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

// The adapter must run wherever Hono runs. Bundle an app using it for a platform with no Node.js
// built-ins (a build error if anything imports one), then run the bundle in a context that has
// only Web globals (no process, Buffer, require), as in a Workers isolate, and send it requests.
const app = `
import { Hono } from 'hono';
import { redirectBack, redirects, redirectTo } from './index';
const app = new Hono();
app.use('*', redirects([{ from: '/old/*', to: '/new/:splat', permanent: true }], {
  onRedirect: (event) => events.push(event),
}));
app.get('/go', (c) => redirectTo(c, c.req.query('next') ?? '/', { fallback: '/safe' }));
app.get('/back', (c) => redirectBack(c, '/home', { base: 'https://shop.test' }));
app.get('*', (c) => c.text('app'));
handler = app;
`;

it('bundles with no Node.js built-in and answers in a context with Web globals only', async () => {
  const result = await build({
    stdin: {
      contents: app,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['@org/source'],
    format: 'iife',
    metafile: true,
    logLevel: 'silent',
  });
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
  expect(imports.filter((imported) => builtins.has(imported.path))).toEqual([]);

  const isolate = createContext({
    Request,
    Response,
    Headers,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    ReadableStream,
    console,
    events: [],
  });
  runInContext(result.outputFiles[0]!.text, isolate);
  expect(runInContext('typeof process + typeof Buffer + typeof require', isolate)).toBe(
    'undefinedundefinedundefined',
  );
  const fetchApp = (path: string, headers: Record<string, string> = {}) =>
    (isolate.handler as { fetch(request: Request): Promise<Response> }).fetch(
      new Request(`https://shop.test${path}`, { headers }),
    );

  const moved = await fetchApp('/old/a?x=1');
  expect([moved.status, moved.headers.get('location')]).toEqual([308, '/new/a?x=1']);
  expect(await moved.text()).toContain('href="/new/a?x=1"');
  expect(isolate.events).toHaveLength(1);
  const guarded = await fetchApp(`/go?next=${encodeURIComponent('//evil.test')}`);
  expect([guarded.status, guarded.headers.get('location')]).toEqual([307, '/safe']);
  const back = await fetchApp('/back', { referer: 'https://shop.test/cart?id=1' });
  expect([back.status, back.headers.get('location')]).toEqual([303, 'https://shop.test/cart?id=1']);
  expect(await (await fetchApp('/other')).text()).toBe('app');
});
