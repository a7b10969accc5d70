import { describe, expect, it } from 'vitest';
import { headerList, headerValues } from './headers';

describe('headerList', () => {
  it('reads Headers, pairs and records alike, lower-casing names', () => {
    const expected = [
      ['content-type', 'text/plain'],
      ['x-a', '1'],
    ];
    expect(headerList(new Headers({ 'Content-Type': 'text/plain', 'X-A': '1' }))).toEqual(expected);
    expect(
      headerList([
        ['Content-Type', 'text/plain'],
        ['X-A', '1'],
      ]),
    ).toEqual(expected);
    expect(headerList({ 'Content-Type': 'text/plain', 'X-A': '1', skip: undefined })).toEqual(
      expected,
    );
  });
  it('keeps repeated names from pairs and arrays', () => {
    expect(
      headerValues(
        [
          ['Location', '/a'],
          ['location', '/b'],
        ],
        'LOCATION',
      ),
    ).toEqual(['/a', '/b']);
    expect(headerValues({ 'set-cookie': ['a=1', 'b=2'] }, 'Set-Cookie')).toEqual(['a=1', 'b=2']);
    expect(headerList(undefined)).toEqual([]);
  });
});
