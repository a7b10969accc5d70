import { lineSpans } from '@org/redirect-core/formats';
import { escapeTerminal } from '../terminal';

const CONTEXT = 3;

/**
 * A unified diff of two versions of a file, line by line as the parsers split lines (LF, CRLF,
 * lone CR). Lines are shown with control characters escaped, so the diff is safe on a terminal;
 * a changed line ending shows as `\r` / `\r\n` at the end of the line.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = lines(before);
  const b = lines(after);
  if (a.length !== b.length) return whole(file, a, b);
  const changed: number[] = [];
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) changed.push(i);
  if (changed.length === 0) return '';
  const out = header(file);
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k]! - CONTEXT);
    let to = Math.min(a.length, changed[k]! + CONTEXT + 1);
    while (k + 1 < changed.length && changed[k + 1]! - CONTEXT <= to) {
      k += 1;
      to = Math.min(a.length, changed[k]! + CONTEXT + 1);
    }
    k += 1;
    out.push(`@@ -${from + 1},${to - from} +${from + 1},${to - from} @@`);
    for (let i = from; i < to; i += 1) {
      if (a[i] === b[i]) out.push(` ${a[i]}`);
      else out.push(`-${a[i]}`, `+${b[i]}`);
    }
  }
  return `${out.join('\n')}\n`;
}

// The lines of a text; a final line break ends the last line rather than starting an empty one.
function lines(text: string): string[] {
  const spans = lineSpans(text);
  if (spans.length > 1 && spans.at(-1)?.text === '') spans.pop();
  return spans.map(shown);
}

function shown(line: { text: string; eol: string }): string {
  const end = line.eol === '\n' || line.eol === '' ? '' : escapeTerminal(line.eol);
  return `${escapeTerminal(line.text)}${end}`;
}

function whole(file: string, a: readonly string[], b: readonly string[]): string {
  return [
    ...header(file),
    `@@ -1,${a.length} +1,${b.length} @@`,
    ...a.map((line) => `-${line}`),
    ...b.map((line) => `+${line}`),
    '',
  ].join('\n');
}

function header(file: string): string[] {
  const name = escapeTerminal(file);
  return name.startsWith('/') ? [`--- ${name}`, `+++ ${name}`] : [`--- a/${name}`, `+++ b/${name}`];
}
