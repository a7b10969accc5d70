import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseStatus, type RedirectIntent } from '../status/choose-status';
import { backDecision, escapeHtml, redirectBody, redirectDecision } from './redirect-response';

describe('redirectDecision', () => {
  it.each<RedirectIntent>([
    {},
    { permanent: true },
    { permanent: true, preserveMethod: false },
    { permanent: true, legacyClients: true },
    { preserveMethod: false },
    { legacyClients: true },
  ])('takes the status from chooseStatus(%j)', (intent) => {
    expect(redirectDecision('/a', intent).status).toBe(chooseStatus(intent));
  });

  it('answers same-origin paths as paths when no base is configured', () => {
    expect(redirectDecision('/account?tab=1#top')).toEqual({
      kind: 'redirect',
      status: 307,
      location: '/account?tab=1#top',
      headers: { location: '/account?tab=1#top' },
    });
    expect(redirectDecision('/café').location).toBe('/caf%C3%A9');
  });

  it('answers absolute Locations on a configured base', () => {
    expect(redirectDecision('/a', { base: 'https://shop.test' }).location).toBe(
      'https://shop.test/a',
    );
  });

  it.each([
    '//evil.test',
    '/\\evil.test',
    'https://evil.test',
    'javascript:alert(1)',
    '/\t/evil.test',
    '/x\r\nSet-Cookie: a=b',
    '',
    `/${'a'.repeat(5000)}`,
  ])('falls back for the untrusted target %j', (target) => {
    const decision = redirectDecision(target, { fallback: '/safe' });
    expect(decision).toMatchObject({ kind: 'fallback', status: 307, location: '/safe' });
    expect(decision.kind === 'fallback' && decision.reason.length > 0).toBe(true);
  });

  it('accepts listed origins, with or without a base', () => {
    const options = { allowedOrigins: ['https://pay.test'] };
    expect(redirectDecision('https://pay.test/x', options).location).toBe('https://pay.test/x');
    expect(redirectDecision('/still-ok', options).location).toBe('/still-ok');
    expect(redirectDecision('https://evil.test/', options).kind).toBe('fallback');
  });

  it('only encodes trusted targets', () => {
    const decision = redirectDecision('https://partner.test/ä\r\nX: y', { trusted: true });
    expect(decision.kind).toBe('redirect');
    expect(decision.location).not.toMatch(/[\r\n\s]|[^\x21-\x7e]/);
  });

  it('never throws and never emits a control character or non-ASCII Location', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (target, trusted) => {
        const { location } = redirectDecision(target, { trusted });
        expect(location).not.toMatch(/[^\x21-\x7e]/);
      }),
    );
  });
});

describe('backDecision', () => {
  const options = { base: 'https://shop.test', fallback: '/cart' };
  it('goes back to an allowed Referer with 303', () => {
    expect(backDecision('https://shop.test/p?id=1', options)).toMatchObject({
      kind: 'redirect',
      status: 303,
      location: 'https://shop.test/p?id=1',
    });
  });
  it.each([undefined, null, '', 'https://evil.test/', 'https://shop.test.evil.test/'])(
    'falls back for the Referer %j',
    (referer) => {
      expect(backDecision(referer, options)).toMatchObject({ kind: 'fallback', location: '/cart' });
    },
  );
  it('keeps an explicit intent', () => {
    expect(backDecision(undefined, { ...options, preserveMethod: true }).status).toBe(307);
  });
});

describe('redirectBody and escapeHtml', () => {
  it('escapes the link', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    const note = redirectBody('GET', '/a?b=1&c="2"');
    expect(note?.contentType).toBe('text/html; charset=utf-8');
    expect(note?.body).toContain('<a href="/a?b=1&amp;c=&quot;2&quot;">');
  });
  it('has no body for HEAD, in any case', () => {
    expect(redirectBody('HEAD', '/a')).toBeNull();
    expect(redirectBody('head', '/a')).toBeNull();
    expect(redirectBody('POST', '/a')).not.toBeNull();
  });
  it('gives the note of the Location asked for, built once for calls in a row', () => {
    const a = redirectBody('GET', '/a');
    expect(redirectBody('POST', '/a')).toBe(a);
    const b = redirectBody('GET', '/b?x=<y>');
    expect(b?.body).toContain('<a href="/b?x=&lt;y&gt;">/b?x=&lt;y&gt;</a>');
    expect(redirectBody('GET', '/a')?.body).toBe(a?.body);
    expect(redirectBody('GET', '/a')?.body).not.toContain('/b');
    expect(redirectBody('GET', '')?.body).toContain('<a href="">');
  });
});
