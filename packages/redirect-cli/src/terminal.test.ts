import { describe, expect, it } from 'vitest';
import { escapeTerminal } from './terminal';

describe('escapeTerminal', () => {
  it.each([
    ['\u001b]52;c;aGk=\u0007', '\\x1b]52;c;aGk=\\x07'],
    ['\u001b[2J', '\\x1b[2J'],
    ['\u001b]0;title\u001b\\', '\\x1b]0;title\\x1b\\'],
    ['a\u009b2Jb', 'a\\x9b2Jb'],
    ['\u007f\u0000\r\n\t', '\\x7f\\x00\\x0d\\x0a\\x09'],
    ['\u202eevil\u2028', '\\u{202e}evil\\u{2028}'],
  ])('shows %j as %s', (raw, shown) => {
    expect(escapeTerminal(raw)).toBe(shown);
  });

  it('leaves printable text, non-ASCII letters and backslashes alone', () => {
    expect(escapeTerminal('/café/ü?q=1#x \\ ok')).toBe('/café/ü?q=1#x \\ ok');
  });
});
