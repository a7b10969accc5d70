import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineSpans } from './lines';

describe('lineSpans', () => {
  it('ends lines at LF, CRLF and a lone CR, and leaves the byte-order mark out', () => {
    expect(lineSpans('\uFEFFa\rb\r\nc\nd').map((line) => [line.text, line.eol])).toEqual([
      ['a', '\r'],
      ['b', '\r\n'],
      ['c', '\n'],
      ['d', ''],
    ]);
  });

  it('with loneCr: false, only LF ends a line, as Netlify reads a file', () => {
    expect(lineSpans('a\rb\r\nc', { loneCr: false }).map((line) => [line.text, line.eol])).toEqual([
      ['a\rb\r', '\n'],
      ['c', ''],
    ]);
  });

  it('splits like the line regex, and its spans rebuild the text byte for byte', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\r', '\n', '\uFEFF', '#') });
    fc.assert(
      fc.property(text, (input) => {
        const spans = lineSpans(input);
        expect(spans.map((line) => line.text)).toEqual(
          input.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/),
        );
        const head = input.startsWith('\uFEFF') ? '\uFEFF' : '';
        expect(
          head + spans.map((line) => input.slice(line.start, line.end) + line.eol).join(''),
        ).toBe(input);
      }),
      { numRuns: 500 },
    );
  });
});
