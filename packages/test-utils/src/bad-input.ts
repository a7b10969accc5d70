// The bad-input matrix every adapter runs on its real server: request targets a client or an
// attacker can send, redirect targets and Referers that must never take a user off the site.
// It lives once here so that every adapter faces the same cases; each test sends them through
// its own transport (a raw socket, `fetch`, `app.fetch(new Request(...))`).
import { expect } from 'vitest';

/** The rules the bad request targets aim at; an adapter's test app must serve them. */
export const badInputRules = [
  { from: '/blog/:slug', to: '/articles/:slug', permanent: true },
  { from: '/docs/*', to: '/guide/:splat' },
  { from: '/far/*', to: '/near/:splat' },
] as const;

/**
 * Request targets aimed at {@link badInputRules}: malformed and overlong escapes, NUL, encoded
 * CR/LF, encoded and literal slashes and backslashes, non-ASCII. Each must be answered without
 * a 500, without a header injected, and with any Location on the site.
 */
export const badRequestPaths = [
  '/blog/%E0%A4%A',
  '/docs/%zz/%',
  '/far/%C0%AF..%2F..%2Fetc',
  '/%00/blog/x',
  '/blog/%0D%0ASet-Cookie:%20a=b',
  '/docs/caf%C3%A9/%E2%98%83',
  '//evil.test/docs/x',
  '/docs/\\evil.test',
  '/docs/%2F%2Fevil.test',
  '/far/%5C%5Cevil.test',
  '/blog/%2F%2Fevil.test',
] as const;

/** A 64 KiB request path under `/far/*`. */
export const longRequestPath = `/far/${'a/'.repeat(32 * 1024)}`;

/**
 * Untrusted redirect targets (say `?next=` of a login form) that the guard must refuse: each
 * must be answered with the configured fallback.
 */
export const openRedirectTargets = [
  '//evil.test',
  '/\\evil.test',
  '\\\\evil.test',
  'https://evil.test/',
  'http:evil.test',
  'javascript:alert(1)',
  '/\t/evil.test',
  '/x\r\nSet-Cookie: a=b',
  ' /account',
  '/%2F%2Fevil.test',
  'https://user:pass@shop.test/',
  '',
  `/${'a'.repeat(64 * 1024)}`,
] as const;

/**
 * Referers that "go back" must not follow when the site is `https://shop.test`: other origins,
 * look-alikes, userinfo tricks, other schemes, and the site over plain http.
 */
export const foreignReferers = [
  'https://evil.test/',
  '//evil.test/',
  'https://shop.test.evil.test/',
  'https://shop.test@evil.test/',
  'javascript:alert(1)',
  'http://shop.test/',
] as const;

/** The site whose Referers {@link foreignReferers} are not from. */
export const refererSite = 'https://shop.test';

/** A Location that stays on the site: one leading `/`, then printable ASCII only. */
export const onSiteLocation = /^\/(?![/\\])[\x21-\x7e]*$/;

/** What {@link expectSafeAnswer} reads of an answer, from any transport. */
export interface Answer {
  readonly status: number;
  readonly location: string | null | undefined;
  readonly setCookie: string | null | undefined;
}

/** The parts of a `fetch` Response, or of a raw one, that {@link expectSafeAnswer} checks. */
export function answerOf(
  res: Response | { status: number; headers: Readonly<Record<string, string>> },
): Answer {
  if (res instanceof Response) {
    return {
      status: res.status,
      location: res.headers.get('location'),
      setCookie: res.headers.get('set-cookie'),
    };
  }
  return {
    status: res.status,
    location: res.headers.location,
    setCookie: res.headers['set-cookie'],
  };
}

/** Fails unless the answer is not a 5xx, injected no cookie, and redirects only on the site. */
export function expectSafeAnswer(answer: Answer): void {
  expect(answer.status).toBeGreaterThanOrEqual(200);
  expect(answer.status).toBeLessThan(500);
  expect(answer.setCookie ?? null).toBeNull();
  if (answer.location != null) expect(answer.location).toMatch(onSiteLocation);
}
