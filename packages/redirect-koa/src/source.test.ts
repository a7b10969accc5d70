import {
  createRedirectMap,
  type RedirectMap,
  type RedirectSource,
  staticRedirectSource,
} from '@org/redirect-core';
import { type Running, serve } from '@org/test-utils/http';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirects } from './middleware';

// A source whose map the test swaps, as a file or Redis source does.
const mapFor = (tag: string) => createRedirectMap([{ from: '/old', to: `/${tag}`, status: 301 }]);
let map: RedirectMap = mapFor('v1');
const source: RedirectSource = { current: () => map };

let server: Running;
beforeAll(async () => {
  const app = new Koa();
  app.use(redirects(source));
  app.use((ctx) => {
    ctx.body = 'app';
  });
  server = await serve(app.callback());
});
afterAll(() => server.close());

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

describe('redirects(source) on a real Koa server', () => {
  it('answers from the map the source holds when each request arrives', async () => {
    expect((await get('/old')).headers.get('location')).toBe('/v1');
    map = mapFor('v2');
    const response = await get('/old');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/v2');
    expect(await (await get('/other')).text()).toBe('app');
  });

  it('accepts a static source and refuses what is neither rules, a map nor a source', () => {
    expect(typeof redirects(staticRedirectSource([{ from: '/a', to: '/b' }]))).toBe('function');
    expect(() => redirects({ current: 1 } as never)).toThrow(/or a redirect source/);
  });
});
