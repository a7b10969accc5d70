import { describe, expect, it } from 'vitest';
import { headerRecord, readHeaderPairs } from './request-headers';

describe('readHeaderPairs', () => {
  it('reads pairs, records and Headers, trimming values', () => {
    expect(readHeaderPairs({ A: ' 1 ' }, true)).toEqual({ ok: true, list: [['a', '1']] });
    expect(readHeaderPairs([['B', '2']], true)).toEqual({ ok: true, list: [['b', '2']] });
    expect(readHeaderPairs(new Headers({ C: '3' }), true)).toEqual({
      ok: true,
      list: [['c', '3']],
    });
    expect(readHeaderPairs(undefined, true)).toEqual({ ok: true, list: [] });
  });

  it('refuses what is not headers, and in strict mode bad names and values', () => {
    expect(readHeaderPairs('x', true).ok).toBe(false);
    expect(readHeaderPairs(7, false).ok).toBe(false);
    expect(readHeaderPairs([null], true).ok).toBe(false);
    expect(readHeaderPairs({ 'a:b': '1' }, true)).toMatchObject({
      ok: false,
      message: expect.stringContaining('a:b'),
    });
    expect(readHeaderPairs({ a: 'x\ny' }, true).ok).toBe(false);
    expect(readHeaderPairs({ a: 'x\ny' }, false).ok).toBe(true);
  });
});

describe('headerRecord', () => {
  it('joins repeats with ", " and cookies with "; "', () => {
    expect(
      headerRecord([
        ['x', '1'],
        ['x', '2'],
        ['cookie', 'a=1'],
        ['cookie', 'b=2'],
      ]),
    ).toEqual({ x: '1, 2', cookie: 'a=1; b=2' });
  });
});
