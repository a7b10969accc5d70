import { describe, expect, it } from 'vitest';
import { readNextRequestInput } from './input';

describe('readNextRequestInput', () => {
  it('applies the Fetch defaults', () => {
    const input = readNextRequestInput(
      { method: 'post', url: 'https://a.example/p#f', headers: { A: '1' } },
      { status: 302, headers: { Location: '/x' } },
      undefined,
    );
    expect(input).toMatchObject({
      redirect: 'follow',
      maxRedirects: 20,
      client: 'fetch',
      mode: 'cors',
      downgrade: 'follow',
      stripCookies: true,
      inputMethod: 'post',
      redirectCount: 0,
      body: null,
      bodyReplayable: true,
      requestHeaders: [['a', '1']],
      responseHeaders: [['location', '/x']],
    });
    if (!('kind' in input)) {
      expect(input.responseUrl.href).toBe('https://a.example/p#f');
      expect(input.origin?.origin).toBe('https://a.example');
    }
  });

  it('names the offending field', () => {
    const bad = readNextRequestInput(
      { method: 'GET', url: 'https://a.example/' },
      { status: 302, headers: {} },
      { stripOnOriginChange: 'x-a' as never },
    );
    expect(bad).toMatchObject({ kind: 'error', code: 'invalid-options' });
    if ('kind' in bad) expect(bad.message).toContain('options.stripOnOriginChange');
  });

  it("reads origin 'null' as an opaque origin", () => {
    const input = readNextRequestInput(
      { method: 'GET', url: 'https://a.example/' },
      { status: 302, headers: {} },
      { origin: 'null' },
    );
    expect(input).toMatchObject({ origin: null });
  });
});
