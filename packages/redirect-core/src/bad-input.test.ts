import { describe, expect, it } from 'vitest';
import { encodeLocation } from './guard/encode-location';
import { createRedirectGuard, type GuardRejection, safeRedirectTarget } from './guard/guard';
import { chooseStatus, explainStatus } from './status/choose-status';
import { isRedirectStatus } from './status/status';

// Bad input gets a typed refusal, never a crash and never a silently wrong target. The map
// matcher and nextRequest keep their own matrices beside their code.

const base = 'https://site.test/';
const guard = createRedirectGuard({ base });
const KIB_64 = 64 * 1024;

const PRINTABLE_ASCII = /^[\u0021-\u007e]*$/;

/** Every value the guard returns must be one of these two shapes, whatever went in. */
function expectRefusal(input: unknown, code: GuardRejection): void {
  const result = guard(input);
  expect(result).toMatchObject({ ok: false, code });
  if (!result.ok) expect(result.reason).toMatch(/\S/);
}

interface Row {
  readonly input: string;
  readonly code: GuardRejection;
}

const matrix: Record<string, readonly Row[]> = {
  'malformed percent-encoding': [
    { input: '%', code: 'malformed-encoding' },
    { input: '/%', code: 'malformed-encoding' },
    { input: '/%%', code: 'malformed-encoding' },
    { input: '/%g0', code: 'malformed-encoding' },
    { input: '/%0', code: 'malformed-encoding' },
    { input: '/a?b=%', code: 'malformed-encoding' },
    { input: '/a#%zz', code: 'malformed-encoding' },
    { input: `/%${'25'.repeat(20)}41`, code: 'malformed-encoding' },
  ],
  'invalid UTF-8 in escapes': [
    { input: '/%ff', code: 'malformed-encoding' },
    { input: '/%c3%28', code: 'malformed-encoding' },
    { input: '/%e2%82', code: 'malformed-encoding' },
    { input: '/%ed%a0%80', code: 'malformed-encoding' },
    { input: '/%f4%90%80%80', code: 'malformed-encoding' },
    { input: '/%c0%ae%c0%ae/', code: 'malformed-encoding' },
    { input: '/%25c0%25af', code: 'malformed-encoding' },
  ],
  'NUL bytes and other controls': [
    { input: '\u0000', code: 'control-character' },
    { input: '/a\u0000b', code: 'control-character' },
    { input: 'https://site.test\u0000.evil.test/', code: 'control-character' },
    { input: '/a%00b', code: 'control-character' },
    { input: 'https://site.test%00.evil.test/', code: 'control-character' },
    { input: '/%2500', code: 'control-character' },
    { input: '/\u001b[31m', code: 'control-character' },
  ],
  'invalid UTF-16 (lone surrogates)': [
    { input: '\ud800', code: 'malformed-unicode' },
    { input: '/\udfff', code: 'malformed-unicode' },
    { input: '/\udc00\ud800', code: 'malformed-unicode' },
    { input: 'https://\ud83d.test/', code: 'malformed-unicode' },
  ],
  'Unicode look-alike hosts': [
    { input: 'https://\u0455ite.test/', code: 'origin' },
    { input: 'https://s\u0131te.test/', code: 'origin' },
    { input: 'https://site.te\u0455t/', code: 'origin' },
    { input: 'https://site\uff0etest.evil.test/', code: 'origin' },
    { input: 'https://site.test\u2024evil.test/', code: 'unparsable' },
    { input: 'https://site.test\ufe6bevil.test/', code: 'unparsable' },
    { input: 'https://site.test\uff20evil.test/', code: 'unparsable' },
    { input: 'https://site.test\uff0fevil.test/', code: 'unicode-slash' },
    { input: 'https://si\u00adte.test.evil.test/', code: 'invisible-character' },
  ],
  'IPv6 and IPv4 literals': [
    { input: 'https://[::1]/', code: 'origin' },
    { input: 'https://[0:0:0:0:0:0:0:1]/', code: 'origin' },
    { input: 'https://[::ffff:7f00:1]/', code: 'origin' },
    { input: 'https://[fe80::1%25eth0]/', code: 'unparsable' },
    { input: 'https://[::1/', code: 'unparsable' },
    { input: 'https://::1]/', code: 'unparsable' },
    { input: 'https://[[::1]]/', code: 'unparsable' },
    { input: 'https://[::1]:99999/', code: 'unparsable' },
    { input: 'https://[::1]@site.test/', code: 'credentials' },
    { input: 'https://0177.0.0.1/', code: 'origin' },
    { input: 'https://0x7f.0x0.0x0.0x1/', code: 'origin' },
    { input: 'https://4294967296/', code: 'unparsable' },
  ],
};

describe.each(Object.entries(matrix))('bad input to the guard: %s', (_kind, rows) => {
  it.each(rows)('$input -> $code', ({ input, code }) => {
    expectRefusal(input, code);
    // The same input never crashes the header writer either.
    expect(encodeLocation(input)).toMatch(PRINTABLE_ASCII);
  });
});

describe('64 KiB inputs', () => {
  const huge = [
    `/${'a'.repeat(KIB_64)}`,
    '%2f'.repeat(KIB_64 / 3),
    `/%${'25'.repeat(KIB_64 / 2)}41`,
    `/${'%25'.repeat(KIB_64 / 3)}41`,
    `/${'\u00e9'.repeat(KIB_64)}`,
    `/${'\u{1f600}'.repeat(KIB_64 / 2)}`,
    `/${'\ud800'.repeat(KIB_64)}`,
    `https://${'a.'.repeat(KIB_64 / 2)}test/`,
    `/?${'x=1&'.repeat(KIB_64 / 4)}`,
  ];

  it.each(huge.map((input) => [input.slice(0, 24), input]))(
    '%s... is refused as too long',
    (_label, input) => {
      expectRefusal(input, 'too-long');
    },
  );

  it('still judges them when maxLength allows, without crashing', () => {
    const roomy = createRedirectGuard({ base, maxLength: 4 * KIB_64 });
    expect(roomy(huge[0])).toEqual({ ok: true, url: `https://site.test${huge[0]}` });
    expect(roomy(huge[1])).toMatchObject({ ok: false, code: 'encoded-slash' });
    expect(roomy(huge[2])).toMatchObject({ ok: false, code: 'malformed-encoding' });
    // 21,845 literal percent signs: odd but harmless, and returned encoded.
    expect(roomy(huge[3])).toMatchObject({ ok: true });
    expect(roomy(huge[6])).toMatchObject({ ok: false, code: 'malformed-unicode' });
    expect(roomy(huge[7])).toMatchObject({ ok: false, code: 'origin' });
    expect(roomy(huge[4])).toMatchObject({ ok: true });
    expect(roomy(huge[5])).toMatchObject({ ok: true });
    expect(roomy(huge[8])).toMatchObject({ ok: true });
  });

  it('encodes them into printable ASCII', () => {
    for (const input of huge) {
      const output = encodeLocation(input);
      expect(output).toMatch(PRINTABLE_ASCII);
      expect(output.length).toBeGreaterThanOrEqual(input.length);
    }
  });
});

describe('deeply nested values', () => {
  // A redirect target carried inside a target, encoded once more per level.
  function nest(levels: number, inner: string): string {
    let value = inner;
    for (let level = 0; level < levels; level++) value = `/login?next=${encodeURIComponent(value)}`;
    return value;
  }

  it('accepts honest nesting: the outer target is on the site, inner ones are its query', () => {
    const input = nest(3, 'https://site.test/deep');
    const result = guard(input);
    expect(result).toEqual({ ok: true, url: `https://site.test${input}` });
  });

  it('refuses a control character however deep it is encoded', () => {
    expect(guard(nest(4, '/x\r\nSet-Cookie: a=b'))).toMatchObject({
      ok: false,
      code: 'control-character',
    });
  });

  it('refuses nesting beyond the decode limit instead of looping', () => {
    const result = createRedirectGuard({ base, maxLength: KIB_64 })(nest(12, '/x'));
    expect(result).toMatchObject({ ok: false, code: 'malformed-encoding' });
  });

  it('refuses arrays, objects and deeply nested structures as targets', () => {
    let deep: unknown = '/x';
    for (let level = 0; level < 10_000; level++) deep = { next: deep };
    expectRefusal(deep, 'not-a-string');
    expectRefusal([['/x']], 'not-a-string');
    expect(safeRedirectTarget('/x', deep as never)).toMatchObject({
      ok: false,
      code: 'invalid-options',
    });
  });
});

describe('chooseStatus with intents of the wrong shape', () => {
  // Only `true` turns a flag on and only `false` turns `preserveMethod` off: any other value
  // counts as absent, so a configuration typo can never produce a permanent redirect.
  it.each([
    [{ permanent: 'yes' }, 307],
    [{ permanent: 1 }, 307],
    [{ permanent: 'true' }, 307],
    [{ preserveMethod: 'false' }, 307],
    [{ preserveMethod: 0 }, 307],
    [{ legacyClients: {} }, 307],
    [{ permanent: true, preserveMethod: null }, 308],
    [Object.create(null), 307],
    [[], 307],
  ])('%j -> %i', (intent, status) => {
    expect(chooseStatus(intent as never)).toBe(status);
    expect(explainStatus(intent as never).status).toBe(status);
  });

  it('returns a redirect status for an intent nested 10,000 levels deep', () => {
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 10_000; level++) deep = { permanent: deep };
    const status = chooseStatus(deep as never);
    expect(isRedirectStatus(status)).toBe(true);
  });
});
