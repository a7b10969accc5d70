import { chooseStatus, type RedirectIntent } from '@org/redirect-core';
import {
  answerOf,
  expectSafeAnswer,
  foreignReferers,
  openRedirectTargets,
  refererSite,
} from '@org/test-utils/bad-input';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirectBack, redirectTo } from './redirect-to';
import { fetchHandler, nodeServer, type Transport } from './test-transports';

// `/go?next=...&intent=...` redirects to a user-supplied target; `/trusted?next=...` to one
// the code vouches for; `/back` goes back to the Referer on https://shop.test only.
const app = new Hono();
app.get('/go', (c) => {
  const intent = JSON.parse(c.req.query('intent') ?? '{}') as RedirectIntent;
  return redirectTo(c, c.req.query('next') ?? '', { ...intent, fallback: '/safe' });
});
app.get('/go-abs', (c) =>
  redirectTo(c, c.req.query('next') ?? '', {
    base: refererSite,
    allowedOrigins: [refererSite, 'https://pay.test'],
  }),
);
app.get('/trusted', (c) => redirectTo(c, c.req.query('next') ?? '', { trusted: true }));
app.all('/back', (c) => redirectBack(c, '/cart', { base: refererSite }));
app.get('/health', (c) => c.text('ok'));

let node: Transport;
beforeAll(async () => {
  node = await nodeServer(app);
});
afterAll(() => node.close());

const q = encodeURIComponent;

describe.each<[string, () => Transport]>([
  ['@hono/node-server on 127.0.0.1', () => node],
  ['app.fetch with Web Requests', () => fetchHandler(app)],
])('through %s', (_name, transport) => {
  const send: Transport['send'] = (target, init) => transport().send(target, init);
  const health = async () => expect((await send('/health')).status).toBe(200);

  describe('redirectTo(c, target, intent?)', () => {
    it.each<RedirectIntent>([
      {},
      { permanent: true },
      { permanent: true, preserveMethod: false },
      { permanent: true, legacyClients: true },
      { preserveMethod: false },
      { legacyClients: true },
    ])('answers chooseStatus(%j)', async (intent) => {
      const res = await send(`/go?next=${q('/account?tab=1')}&intent=${q(JSON.stringify(intent))}`);
      expect([res.status, res.headers.location]).toEqual([chooseStatus(intent), '/account?tab=1']);
      expect(res.body).toContain('<a href="/account?tab=1">');
    });

    it('sends no body for HEAD', async () => {
      const head = await send('/go?next=/account', { method: 'HEAD' });
      expect([head.status, head.headers.location, head.body]).toEqual([307, '/account', '']);
    });

    it('encodes non-ASCII targets instead of crashing', async () => {
      const res = await send(`/go?next=${q('/café/☃?q=ü')}`);
      expect([res.status, res.headers.location]).toEqual([307, '/caf%C3%A9/%E2%98%83?q=%C3%BC']);
    });

    it.each(openRedirectTargets.map((target) => [target.slice(0, 40), target]))(
      'answers the open-redirect attempt %j with the fallback',
      async (_shown, target) => {
        const res = await send(`/go?next=${q(target)}`);
        expect([res.status, res.headers.location]).toEqual([307, '/safe']);
        expectSafeAnswer(answerOf(res));
        await health();
      },
    );

    it('keeps an untrusted target on the allowed origins of a configured base', async () => {
      const ok = await send(`/go-abs?next=${q('https://pay.test/checkout')}`);
      expect(ok.headers.location).toBe('https://pay.test/checkout');
      const path = await send(`/go-abs?next=${q('/orders')}`);
      expect(path.headers.location).toBe('https://shop.test/orders');
      const evil = await send(`/go-abs?next=${q('https://evil.test/')}`);
      expect(evil.headers.location).toBe('/');
    });

    it('encodes trusted targets, so CR/LF cannot inject a header', async () => {
      const res = await send(`/trusted?next=${q('https://partner.test/ä\r\nSet-Cookie: a=b')}`);
      expect([res.status, res.headers['set-cookie']]).toEqual([307, undefined]);
      const location = res.headers.location ?? '';
      expect(location.startsWith('https://partner.test/%C3%A4')).toBe(true);
      expect(location).not.toMatch(/[\r\n\s]/);
    });

    it('answers malformed percent-encoding without a 500', async () => {
      expectSafeAnswer(answerOf(await send('/go?next=/%E0%A4%A&x=%zz')));
      await health();
    });
  });

  describe('redirectBack(c, fallback)', () => {
    it('goes back to a Referer on the allowed origin, with 303', async () => {
      const res = await send('/back', {
        method: 'POST',
        headers: { referer: `${refererSite}/items?id=3` },
      });
      expect([res.status, res.headers.location]).toEqual([303, 'https://shop.test/items?id=3']);
    });

    it.each(foreignReferers)('goes to the fallback for the Referer %j', async (referer) => {
      const res = await send('/back', { headers: { referer } });
      expect([res.status, res.headers.location]).toEqual([303, '/cart']);
    });

    it('goes to the fallback without a Referer', async () => {
      expect((await send('/back')).headers.location).toBe('/cart');
    });
  });
});
