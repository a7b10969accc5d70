import { ruleStatus } from '../map/rule-status';
import type { RedirectRule, RuleOrigin } from '../map/types';
import { RedirectParseError } from './errors';
import { IssueList, settle } from './issues';
import type { ParsedRedirects, ParseOptions, SerializedRedirects } from './types';

const columns = ['from', 'to', 'status'] as const;
type Column = (typeof columns)[number];
const redirectCodes = new Set([301, 302, 303, 307, 308]);

/** One CSV record: its first line, its cells, and whether a quoted field ran to the end. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
  readonly unterminated: boolean;
}

/** Counts the characters {@link records} reads, so tests can check it reads each once. */
export interface CsvMeter {
  steps: number;
}

// What `String.prototype.trim` removes (WhiteSpace and LineTerminator): the same set as `\s`.
const space = /\s/;

/**
 * RFC 4180 records: quoted fields with `""` escapes and line breaks, LF or CRLF. One pass over
 * the text, constant work per character: whether a cell is still blank is tracked as it grows
 * rather than re-read, so a long cell full of `"` costs what its length does.
 */
export function records(text: string, meter?: CsvMeter): CsvRecord[] {
  const out: CsvRecord[] = [];
  const source = text.replace(/^\uFEFF/, '');
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    // Whether `cell` holds only white space: a `"` then opens a quoted field.
    let blank = true;
    let quoted = false;
    let unterminated = false;
    for (;;) {
      const c = source[i];
      if (c === undefined) break;
      if (meter) meter.steps += 1;
      if (c === '"' && blank) {
        // A quoted field: read to the closing quote.
        quoted = true;
        cell = '';
        i += 1;
        for (;;) {
          const q = source[i];
          if (q === undefined) {
            unterminated = true;
            break;
          }
          if (meter) meter.steps += 1;
          if (q === '"') {
            if (source[i + 1] === '"') {
              cell += '"';
              blank = false;
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (q === '\n') line += 1;
          cell += q;
          if (blank && !space.test(q)) blank = false;
          i += 1;
        }
        continue;
      }
      if (c === ',') {
        cells.push(quoted ? cell : cell.trim());
        cell = '';
        blank = true;
        quoted = false;
        i += 1;
        continue;
      }
      if (c === '\r' || c === '\n') {
        i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
        line += 1;
        break;
      }
      if (!quoted) {
        cell += c;
        if (blank && !space.test(c)) blank = false;
      }
      i += 1;
    }
    cells.push(quoted ? cell : cell.trim());
    if (cells.length === 1 && cells[0] === '' && !quoted) continue;
    out.push({ line: start, cells, unterminated });
  }
  return out;
}

/**
 * Reads CSV with a header row naming the columns `from`, `to` and optionally `status` (any
 * order, any case). Fields may be quoted (`"a,b"`, `""` for a quote); LF and CRLF both work.
 * An empty status leaves the rule to the map's default (a temporary 307).
 *
 * @example
 * ```ts
 * parseCsv('from,to,status\n/old,/new,301\n').rules; // [{ from: '/old', to: '/new', status: 301 }]
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */
export function parseCsv(text: string, options: ParseOptions = {}): ParsedRedirects {
  const issues = new IssueList(options.file);
  const all = records(text);
  const header = all[0];
  const fail = (message: string, line = 1): never => {
    issues.add(0, line, '', message);
    throw new RedirectParseError('csv', issues.issues);
  };
  if (header === undefined) return { rules: [], origins: [], warnings: [] };
  const positions = new Map<Column, number>();
  for (const [position, name] of header.cells.entries()) {
    const column = name.trim().toLowerCase();
    if (!(columns as readonly string[]).includes(column)) {
      fail(
        `unknown column "${name}" in the header row; the columns are from, to and status${/[;\t]/.test(name) ? ', separated by commas' : ''}.`,
        header.line,
      );
    }
    positions.set(column as Column, position);
  }
  if (!positions.has('from') || !positions.has('to')) {
    fail('the first row must name the columns, such as "from,to,status".', header.line);
  }
  const rules: RedirectRule[] = [];
  const origins: RuleOrigin[] = [];
  for (const [offset, record] of all.slice(1).entries()) {
    const index = offset;
    const cell = (column: Column): string => {
      const position = positions.get(column);
      return position === undefined ? '' : (record.cells[position] ?? '');
    };
    let ok = true;
    const problem = (field: string, message: string): void => {
      issues.add(index, record.line, field, message);
      ok = false;
    };
    if (record.unterminated) problem('', 'a quoted field is not closed; add the closing ".');
    if (record.cells.length > header.cells.length) {
      problem(
        '',
        `${record.cells.length} fields where the header names ${header.cells.length}; quote fields that contain commas.`,
      );
    }
    const from = cell('from');
    const to = cell('to');
    const statusText = cell('status');
    if (from === '') problem('from', 'the source path is empty; write a path such as /old.');
    if (to === '') problem('to', 'the destination is empty; write a path such as /new or a URL.');
    let status: number | undefined;
    if (statusText !== '') {
      status = Number(statusText);
      if (!/^\d{3}$/.test(statusText) || !redirectCodes.has(status)) {
        problem(
          'status',
          `"${statusText}" is not a redirect status; use 301, 302, 303, 307 or 308.`,
        );
      }
    }
    if (!ok) continue;
    rules.push({ from, to, ...(status === undefined ? {} : { status: status as 301 }) });
    origins.push({
      ...(options.file === undefined ? {} : { file: options.file }),
      line: record.line,
    });
  }
  const warnings: string[] = [];
  settle('csv', issues, warnings, options);
  return { rules, origins, warnings };
}

/**
 * Writes rules as CSV (`from,to,status`, CRLF line ends). Host, query and method conditions
 * and `preserveQuery: false` have no column and are listed in `lost`.
 *
 * @example
 * ```ts
 * serializeCsv([{ from: '/old', to: '/new', permanent: true }]).text; // 'from,to,status\r\n/old,/new,308\r\n'
 * ```
 */
export function serializeCsv(rules: readonly RedirectRule[]): SerializedRedirects {
  const lost: string[] = [];
  const rows = ['from,to,status'];
  for (const [index, rule] of rules.entries()) {
    const dropped = [
      rule.host === undefined ? null : `host ${rule.host}`,
      rule.query === undefined || Object.keys(rule.query).length === 0 ? null : 'query conditions',
      rule.methods === undefined || rule.methods.length === 0 ? null : 'method conditions',
      rule.preserveQuery === false ? 'preserveQuery: false' : null,
    ].filter((item) => item !== null);
    if (dropped.length > 0)
      lost.push(`rule ${index + 1} (${rule.from}): CSV has no column for ${dropped.join(', ')}.`);
    rows.push([quote(rule.from), quote(rule.to), String(ruleStatus(rule))].join(','));
  }
  return { text: `${rows.join('\r\n')}\r\n`, lost };
}

function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
