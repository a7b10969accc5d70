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

describe('readHeaderPairs on a record, read and checked in one pass', () => {
  it('reads every value before it refuses a name or a value', () => {
    const throwsLater = {
      'a:b': '1',
      get c(): string {
        throw new Error('boom');
      },
    };
    expect(readHeaderPairs(throwsLater, true)).toEqual({
      ok: false,
      message: 'headers could not be read (boom)',
    });
  });

  it('refuses the first bad pair in order, and only in strict mode', () => {
    expect(readHeaderPairs({ x: 'a\nb', 'a:b': 'y' }, true)).toEqual({
      ok: false,
      message: 'header x has a value with NUL, CR or LF',
    });
    expect(readHeaderPairs({ Accept: ' a ', 'A:B': ['x', 'y'] }, true)).toEqual({
      ok: false,
      message: 'header name "a:b" is not a token',
    });
    expect(readHeaderPairs({ Accept: ' a ', 'A:B': ['x', 'y'] }, false)).toEqual({
      ok: true,
      list: [
        ['accept', 'a'],
        ['a:b', 'x'],
        ['a:b', 'y'],
      ],
    });
  });
});

describe('headerRecord and __proto__', () => {
  it('keeps __proto__ as a field, not the prototype', () => {
    const record = headerRecord([
      ['__proto__', 'x'],
      ['a', '1'],
    ]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toBe('x');
  });
});
