import { chooseStatus, type RedirectIntent } from '@org/redirect-core';
import {
  answerOf,
  expectSafeAnswer,
  foreignReferers,
  openRedirectTargets,
  refererSite,
} from '@org/test-utils/bad-input';
import { type Running, rawRequest, serve } from '@org/test-utils/http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirectBack, redirectTo } from './redirect-to';

let server: Running;
const decisions: string[] = [];

// `/go?next=...&intent=...` redirects to a user-supplied target; `/trusted?next=...` to one
// the code vouches for; `/back` goes back to the Referer on https://shop.test only.
beforeAll(async () => {
  const app = express();
  app.get('/go', (req, res) => {
    const intent = JSON.parse(String(req.query.intent ?? '{}')) as RedirectIntent;
    const decision = redirectTo(res, String(req.query.next ?? ''), {
      ...intent,
      fallback: '/safe',
    });
    decisions.push(decision.kind);
  });
  app.get('/go-abs', (req, res) => {
    redirectTo(res, String(req.query.next ?? ''), {
      base: refererSite,
      allowedOrigins: [refererSite, 'https://pay.test'],
    });
  });
  app.get('/trusted', (req, res) => {
    redirectTo(res, String(req.query.next ?? ''), { trusted: true });
  });
  app.all('/back', (req, res) => {
    redirectBack(req, res, '/cart', { base: refererSite });
  });
  app.get('/health', (_req, res) => {
    res.send('ok');
  });
  server = await serve(app);
});
afterAll(() => server.close());

const go = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
const q = encodeURIComponent;
const health = async () => expect((await go('/health')).status).toBe(200);

describe('redirectTo(res, target, intent?)', () => {
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

  it('sends no body for HEAD', async () => {
    const head = await rawRequest(server.port, '/go?next=/account', { method: 'HEAD' });
    expect([head.status, head.headers.location, head.body]).toEqual([307, '/account', '']);
  });

  it('encodes non-ASCII targets instead of crashing', async () => {
    const res = await go(`/go?next=${q('/café/☃?q=ü')}`);
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/caf%C3%A9/%E2%98%83?q=%C3%BC');
  });

  it.each(openRedirectTargets.map((target) => [target.slice(0, 40), target]))(
    'answers the open-redirect attempt %j with the fallback',
    async (_shown, target) => {
      const before = decisions.length;
      const res = await rawRequest(server.port, `/go?next=${q(target)}`);
      expect([res.status, res.headers.location]).toEqual([307, '/safe']);
      expectSafeAnswer(answerOf(res));
      expect(decisions.slice(before)).toEqual(['fallback']);
      await health();
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

  it('answers malformed percent-encoding without a 500', async () => {
    expectSafeAnswer(answerOf(await rawRequest(server.port, '/go?next=/%E0%A4%A&x=%zz')));
    await health();
  });
});

describe('redirectBack(req, res, fallback)', () => {
  it('goes back to a Referer on the allowed origin, with 303', async () => {
    const res = await go('/back', {
      method: 'POST',
      headers: { referer: `${refererSite}/items?id=3` },
    });
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
