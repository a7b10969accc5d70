/** One line of a text file: where it starts and ends, and the line break after it. */
export interface LineSpan {
  /** Offset of the first character of the line in the text (after a leading byte-order mark). */
  readonly start: number;
  /** Offset just past the line's last character, before its line break. */
  readonly end: number;
  /** The line without its break. */
  readonly text: string;
  /** `'\n'`, `'\r\n'`, `'\r'`, or `''` for the last line. */
  readonly eol: '\n' | '\r\n' | '\r' | '';
}

/** Options of {@link lineSpans}. */
export interface LineSpanOptions {
  /**
   * Whether a CR alone ends a line. `false` reads lines as Netlify does: only LF ends a line,
   * and a CR stays in the line's text (where it is white space).
   * @default true
   */
  readonly loneCr?: boolean;
}

/**
 * The lines of `text` as the line-based parsers read them: LF, CRLF and (unless `loneCr` is
 * `false`) a lone CR each end a line, and a leading byte-order mark belongs to no line. Offsets
 * index `text` itself, so an editor that replaces `text.slice(start, end)` changes exactly the
 * line a parser numbered.
 *
 * @example
 * ```ts
 * lineSpans('a\rb\r\n').map((line) => [line.text, line.eol]); // [['a', '\r'], ['b', '\r\n'], ['', '']]
 * ```
 */
export function lineSpans(text: string, options: LineSpanOptions = {}): LineSpan[] {
  const spans: LineSpan[] = [];
  const loneCr = options.loneCr !== false;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 10 && (c !== 13 || !loneCr)) continue;
    const eol = c === 13 ? (text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r') : '\n';
    spans.push({ start, end: i, text: text.slice(start, i), eol });
    i += eol.length - 1;
    start = i + 1;
  }
  spans.push({ start, end: text.length, text: text.slice(start), eol: '' });
  return spans;
}
