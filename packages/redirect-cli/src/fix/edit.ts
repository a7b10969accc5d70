import { lineSpans, type ParseableFormat, serializeRedirects } from '@org/redirect-core/formats';
import type { RedirectRule, RuleOrigin } from '@org/redirect-core/map';
import { isNextTrailingSlash } from './prove';

/**
 * In-place edits of a redirect file: only the characters of a rewritten rule's destination (and,
 * in our JSON, its `preserveQuery`) change; every other byte (other keys, comments, order,
 * indentation, line endings, a byte-order mark) stays as it was.
 */

/** One rule to rewrite: its index among the parsed rules, and the rule to write. */
export interface RuleEdit {
  readonly index: number;
  readonly rule: RedirectRule;
}

/** A replacement of `text.slice(start, end)`. */
interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The edited text, or why a rule could not be written in place. */
export type EditResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly index: number; readonly reason: string };

/** Applies `edits` to `text` in place. */
export function editInPlace(input: {
  readonly text: string;
  readonly format: ParseableFormat;
  readonly rules: readonly RedirectRule[];
  readonly origins: readonly (RuleOrigin | undefined)[];
  readonly edits: readonly RuleEdit[];
}): EditResult {
  const splices: Splice[] = [];
  const elements =
    input.format === 'json' || nextLike(input.format)
      ? jsonElements(input.text, input.format === 'json' ? 'rules' : 'redirects')
      : null;
  // Core's `next` format puts Next.js's own trailing-slash redirect before the file's entries.
  const first = input.rules[0];
  const leading =
    input.format === 'next' && first !== undefined && isNextTrailingSlash(first) ? 1 : 0;
  for (const edit of input.edits) {
    const old = input.rules[edit.index];
    if (old === undefined) return { ok: false, index: edit.index, reason: 'no such rule' };
    const changed = (['from', 'status', 'permanent', 'preserveMethod', 'host', 'methods'] as const)
      .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(edit.rule[key]))
      .concat(
        JSON.stringify(old.query) === JSON.stringify(edit.rule.query) ? [] : ['query' as 'host'],
      );
    if (changed.length > 0) {
      return { ok: false, index: edit.index, reason: `--fix only rewrites destinations` };
    }
    const queryChange = (old.preserveQuery !== false) !== (edit.rule.preserveQuery !== false);
    const to = destinationText(edit.rule, input.format);
    if (to === null) {
      return { ok: false, index: edit.index, reason: `${input.format} cannot hold the new rule` };
    }
    let made: Splice[] | string;
    const editable = ['json', 'csv', 'netlify'].includes(input.format) || nextLike(input.format);
    if (!editable) {
      return {
        ok: false,
        index: edit.index,
        reason: `--fix does not edit ${input.format} files yet`,
      };
    }
    if (input.format === 'netlify') {
      made = queryChange
        ? 'a Netlify file cannot drop the query string (preserveQuery: false)'
        : netlifySplice(input.text, input.origins[edit.index]?.line, to);
    } else if (input.format === 'csv') {
      made = queryChange
        ? 'CSV has no column for preserveQuery'
        : csvSplice(input.text, input.origins[edit.index]?.line, to);
    } else if (nextLike(input.format)) {
      made = queryChange
        ? 'Next.js and Vercel redirects always keep the query string'
        : jsonSplices(input.text, elements?.[edit.index - leading], 'destination', to, null);
    } else {
      made = jsonSplices(
        input.text,
        elements?.[edit.index],
        'to',
        to,
        queryChange ? edit.rule.preserveQuery !== false : null,
      );
    }
    if (typeof made === 'string') return { ok: false, index: edit.index, reason: made };
    splices.push(...made);
  }
  splices.sort((a, b) => b.start - a.start);
  let text = input.text;
  for (const splice of splices) {
    text = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
  }
  return { ok: true, text };
}

/** The destination as the format writes it (Next.js syntax for `vercel`), or `null`. */
function destinationText(rule: RedirectRule, format: ParseableFormat): string | null {
  if (format === 'json') return rule.to;
  const serialized = serializeRedirects([{ ...rule, preserveQuery: true }], format);
  if (nextLike(format)) {
    const data = JSON.parse(serialized.text) as unknown;
    const list = Array.isArray(data) ? data : (data as { redirects?: unknown[] }).redirects;
    const entry = list?.[0] as { destination?: unknown } | undefined;
    return typeof entry?.destination === 'string' ? entry.destination : null;
  }
  if (format === 'netlify') {
    const line = serialized.text
      .split('\n')
      .find((entry) => entry.trim() !== '' && !entry.startsWith('#'));
    return line?.trim().split(/\s+/)[1] ?? null;
  }
  return csvQuote(rule.to);
}

function csvQuote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The second word of the rule's line, numbered as the Netlify parser numbers lines: Netlify ends
 * a line at LF only (a lone CR is white space inside it).
 */
function netlifySplice(text: string, line: number | undefined, to: string): Splice[] | string {
  const span = line === undefined ? undefined : lineSpans(text, { loneCr: false })[line - 1];
  if (span === undefined) return 'the rule has no line';
  const words = [...span.text.matchAll(/\S+/g)];
  const word = words[1];
  if (word?.index === undefined) return 'the rule line has no destination';
  const start = span.start + word.index;
  return [{ start, end: start + word[0].length, text: to }];
}

/** The `to` cell of the CSV record that starts on `line`, read as core's CSV reader does. */
function csvSplice(text: string, line: number | undefined, to: string): Splice[] | string {
  if (line === undefined) return 'the rule has no line';
  const cells = csvCells(text);
  const header = cells.find((record) => record.cells.length > 0);
  const column = header?.cells.findIndex(
    (cell) => text.slice(cell.start, cell.end).trim().replace(/^"|"$/g, '').toLowerCase() === 'to',
  );
  const record = cells.find((entry) => entry.line === line);
  const cell = column === undefined || column < 0 ? undefined : record?.cells[column];
  if (cell === undefined) return 'the rule has no "to" cell';
  // Keep the white space around an unquoted cell.
  const raw = text.slice(cell.start, cell.end);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  return [{ start: cell.start + lead, end: cell.end - trail, text: to }];
}

interface CsvCellSpan {
  readonly start: number;
  readonly end: number;
}

/** Cell spans of each CSV record, with the line the record starts on. */
function csvCells(text: string): { line: number; cells: CsvCellSpan[] }[] {
  const records: { line: number; cells: CsvCellSpan[] }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const record = { line, cells: [] as CsvCellSpan[] };
    let start = i;
    let blank = true;
    for (;;) {
      const c = text[i];
      if (c === undefined) break;
      if (c === '"' && blank) {
        for (i += 1; i < text.length; i += 1) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              i += 1;
              continue;
            }
            break;
          }
          if (text[i] === '\n') line += 1;
        }
        i += 1;
        blank = false;
        continue;
      }
      if (c === ',') {
        record.cells.push({ start, end: i });
        i += 1;
        start = i;
        blank = true;
        continue;
      }
      if (c === '\r' || c === '\n') break;
      if (!/\s/.test(c)) blank = false;
      i += 1;
    }
    record.cells.push({ start, end: i });
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < text.length) i += 1;
    line += 1;
    records.push(record);
  }
  return records;
}

interface JsonValue {
  readonly start: number;
  readonly end: number;
  /** For objects: each key with its value's span, and where the key's string starts. */
  readonly keys?: Map<string, { readonly key: number; readonly value: JsonValue }>;
}

/** Spans of the elements of the rules array (top level, or under `key` in an object). */
function jsonElements(text: string, key: string): JsonValue[] | null {
  try {
    const scanner = new JsonScanner(text);
    const root = scanner.value(0);
    const array = root.keys ? root.keys.get(key)?.value : root;
    return array === undefined ? null : scanner.elements(array);
  } catch {
    return null;
  }
}

function jsonSplices(
  text: string,
  element: JsonValue | undefined,
  key: string,
  to: string,
  preserveQuery: boolean | null,
): Splice[] | string {
  const value = element?.keys?.get(key)?.value;
  if (value === undefined || text[value.start] !== '"') return `the rule has no "${key}" string`;
  const splices: Splice[] = [{ start: value.start, end: value.end, text: JSON.stringify(to) }];
  if (preserveQuery !== null) {
    const existing = element?.keys?.get('preserveQuery')?.value;
    if (existing) {
      splices.push({ start: existing.start, end: existing.end, text: String(preserveQuery) });
    } else {
      splices.push({
        start: value.end,
        end: value.end,
        text: `, "preserveQuery": ${preserveQuery}`,
      });
    }
  }
  return splices;
}

/** A JSON reader that keeps the span of every value (the text was accepted by JSON.parse). */
class JsonScanner {
  #elements = new Map<number, JsonValue[]>();
  constructor(private readonly text: string) {}

  elements(value: JsonValue): JsonValue[] | null {
    return this.#elements.get(value.start) ?? null;
  }

  value(from: number): JsonValue {
    const text = this.text;
    let i = this.#space(from);
    const start = i;
    const c = text[i];
    if (c === '"') return { start, end: this.#string(i) };
    if (c === '[') {
      const items: JsonValue[] = [];
      i = this.#space(i + 1);
      while (text[i] !== ']') {
        const item = this.value(i);
        items.push(item);
        i = this.#space(item.end);
        if (text[i] === ',') i += 1;
        i = this.#space(i);
        if (i >= text.length) throw new Error('unterminated array');
      }
      this.#elements.set(start, items);
      return { start, end: i + 1 };
    }
    if (c === '{') {
      const keys = new Map<string, { key: number; value: JsonValue }>();
      i = this.#space(i + 1);
      while (text[i] !== '}') {
        const keyEnd = this.#string(i);
        const name = JSON.parse(text.slice(i, keyEnd)) as string;
        const colon = this.#space(keyEnd);
        const value = this.value(colon + 1);
        // JSON.parse keeps the last of repeated keys.
        keys.set(name, { key: i, value });
        i = this.#space(value.end);
        if (text[i] === ',') i += 1;
        i = this.#space(i);
        if (i >= text.length) throw new Error('unterminated object');
      }
      return { start, end: i + 1, keys };
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i += 1;
    return { start, end: i };
  }

  #space(i: number): number {
    while (i < this.text.length && /[\s\uFEFF]/.test(this.text[i]!)) i += 1;
    return i;
  }

  #string(i: number): number {
    let j = i + 1;
    while (j < this.text.length && this.text[j] !== '"') j += this.text[j] === '\\' ? 2 : 1;
    return j + 1;
  }
}

// Vercel's `vercel.json` and Next.js `redirects()` JSON: `destination` in an array of objects.
function nextLike(format: ParseableFormat): boolean {
  return format === 'vercel' || (format as string) === 'next';
}
