import {
  createRedirectMap,
  type RedirectMap,
  type RedirectSource,
  type RedirectSourceListener,
} from '@org/redirect-core';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirects } from './index';

// A source whose map the test swaps and whose failures it reports, as a Redis source does.
const mapFor = (tag: string) => createRedirectMap([{ from: '/old', to: `/${tag}`, status: 301 }]);
let map: RedirectMap = mapFor('v1');
const listeners = new Set<RedirectSourceListener>();
const source: RedirectSource = {
  current: () => map,
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
const logged: string[] = [];

let app: FastifyInstance;
let url: string;
beforeAll(async () => {
  app = Fastify({
    logger: {
      level: 'error',
      stream: { write: (line: string) => logged.push(line) },
    },
  });
  await app.register(redirects, { map: source });
  app.get('/other', async () => 'route');
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => app.close());

const get = (path: string) => fetch(`${url}${path}`, { redirect: 'manual' });

describe('redirects plugin with a source on a real Fastify server', () => {
  it('answers from the map the source holds when each request arrives', async () => {
    expect((await get('/old')).headers.get('location')).toBe('/v1');
    map = mapFor('v2');
    expect((await get('/old')).headers.get('location')).toBe('/v2');
    expect(await (await get('/other')).text()).toBe('route');
  });

  it("logs the source's failed updates, and unsubscribes on close", async () => {
    expect(listeners.size).toBe(1);
    for (const listener of listeners) {
      listener({ kind: 'error', error: new Error('snapshot 7 is invalid'), version: '7' });
    }
    expect(logged.join('')).toContain('the redirect source kept its last good map');
    expect(logged.join('')).toContain('snapshot 7 is invalid');
    await app.close();
    expect(listeners.size).toBe(0);
  });
});
