import { chooseStatus, type RedirectIntent } from '@org/redirect-core';
import { foreignReferers, openRedirectTargets } from '@org/test-utils/bad-input';
import { type Running, rawRequest, serve } from '@org/test-utils/http';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirectBack, redirectTo } from './redirect-to';

let server: Running;

// `/go?next=...&intent=...` redirects to a user-supplied target; `/trusted?next=...` to one
// the code vouches for; `/back` goes back to the Referer on https://shop.test only.
beforeAll(async () => {
  const app = new Koa();
  app.use(async (ctx) => {
    const next = String(ctx.query.next ?? '');
    const intent = JSON.parse(String(ctx.query.intent ?? '{}')) as RedirectIntent;
    if (ctx.path === '/go') return void redirectTo(ctx, next, { ...intent, fallback: '/safe' });
    if (ctx.path === '/go-abs') {
      return void redirectTo(ctx, next, {
        base: 'https://shop.test',
        allowedOrigins: ['https://shop.test', 'https://pay.test'],
      });
    }
    if (ctx.path === '/trusted') return void redirectTo(ctx, next, { trusted: true });
    if (ctx.path === '/back') return void redirectBack(ctx, '/cart', { base: 'https://shop.test' });
    ctx.body = 'ok';
  });
  server = await serve(app.callback());
});
afterAll(() => server.close());

const go = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
const q = encodeURIComponent;

describe('redirectTo(ctx, target, intent?)', () => {
  it.each<RedirectIntent>([
    {},
    { permanent: true },
    { permanent: true, preserveMethod: false },
    { permanent: true, legacyClients: true },
    { preserveMethod: false },
    { legacyClients: true },
  ])('answers chooseStatus(%j)', async (intent) => {
    const res = await go(`/go?next=${q('/account?tab=1')}&intent=${q(JSON.stringify(intent))}`);
    expect(res.status).toBe(chooseStatus(intent));
    expect(res.headers.get('location')).toBe('/account?tab=1');
    expect(await res.text()).toContain('<a href="/account?tab=1">');
  });

  it('encodes non-ASCII targets instead of crashing', async () => {
    const res = await go(`/go?next=${q('/café/☃?q=ü')}`);
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/caf%C3%A9/%E2%98%83?q=%C3%BC');
  });

  it.each(openRedirectTargets)(
    'answers the open-redirect attempt %j with the fallback',
    async (target) => {
      const res = await go(`/go?next=${q(target)}`);
      expect(res.status).toBe(307);
      expect(res.headers.get('location')).toBe('/safe');
      expect(res.headers.get('set-cookie')).toBeNull();
      expect((await go('/health')).status).toBe(200);
    },
  );

  it('keeps an untrusted target on the allowed origins of a configured base', async () => {
    const ok = await go(`/go-abs?next=${q('https://pay.test/checkout')}`);
    expect(ok.headers.get('location')).toBe('https://pay.test/checkout');
    const path = await go(`/go-abs?next=${q('/orders')}`);
    expect(path.headers.get('location')).toBe('https://shop.test/orders');
    const evil = await go(`/go-abs?next=${q('https://evil.test/')}`);
    expect(evil.headers.get('location')).toBe('/');
  });

  it('encodes trusted targets, so CR/LF cannot inject a header', async () => {
    const res = await go(`/trusted?next=${q('https://partner.test/ä\r\nSet-Cookie: a=b')}`);
    expect(res.status).toBe(307);
    expect(res.headers.get('set-cookie')).toBeNull();
    const location = res.headers.get('location') ?? '';
    expect(location.startsWith('https://partner.test/%C3%A4')).toBe(true);
    expect(location).not.toMatch(/[\r\n\s]/);
  });

  it('answers a 64 KiB target without a 500', async () => {
    const res = await rawRequest(server.port, `/go?next=/${'a'.repeat(64 * 1024)}`);
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe('/safe');
    expect((await go('/health')).status).toBe(200);
  });

  it('answers malformed percent-encoding without a 500', async () => {
    const res = await rawRequest(server.port, '/go?next=/%E0%A4%A&x=%zz');
    expect(res.status).toBeLessThan(500);
    expect((await go('/health')).status).toBe(200);
  });
});

describe('redirectBack(ctx, fallback)', () => {
  it('goes back to a Referer on the allowed origin, with 303', async () => {
    const res = await go('/back', { headers: { referer: 'https://shop.test/items?id=3' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://shop.test/items?id=3');
  });

  it.each(foreignReferers)('goes to the fallback for the Referer %j', async (referer) => {
    const res = await go('/back', { headers: { referer } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/cart');
  });

  it('goes to the fallback without a Referer', async () => {
    const res = await go('/back');
    expect(res.headers.get('location')).toBe('/cart');
  });
});
