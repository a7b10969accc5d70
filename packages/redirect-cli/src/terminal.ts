/**
 * Text from a server or a file, made safe to print on a terminal: C0 controls (ESC, BEL, CR, LF,
 * TAB...), DEL and C1 controls (U+0080-U+009F, such as the single-byte CSI `\x9b`) are shown as
 * `\xHH` escapes, so an `ESC ] 52` clipboard write, `ESC [2J` or a title sequence prints as
 * text and does nothing. Line separators U+2028/U+2029 and bidi overrides are shown as `\u{...}`
 * too. `--json` output is not passed through this: JSON escapes control characters itself.
 *
 * @example
 * ```ts
 * escapeTerminal('/a\u001b]52;c;aGk=\u0007'); // '/a\\x1b]52;c;aGk=\\x07'
 * ```
 */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

// C0, DEL, C1, line/paragraph separators, bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
