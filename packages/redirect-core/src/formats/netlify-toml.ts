import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import type { RedirectRule, RuleOrigin } from '../map/types';
import { RedirectParseError } from './errors';
import { IssueList, settle } from './issues';
import { netlifyOptions, netlifyWords } from './netlify';
import { type NetlifyEntry, netlifyRule } from './netlify-rule';
import type { ParsedRedirects, ParseOptions, SerializedRedirects } from './types';

/**
 * Reads the `[[redirects]]` of a `netlify.toml` (`from`, `to`, `status`, `force`, `query`,
 * `conditions`, `headers`) with the same meaning as a `_redirects` line: see
 * {@link parseNetlify}. Each rule's line is the line of its `[[redirects]]` header.
 *
 * @example
 * ```ts
 * parseNetlifyToml('[[redirects]]\nfrom = "/old"\nto = "/new"\n').rules;
 * // [{ from: '/old', to: '/new', syntax: 'netlify', status: 301 }]
 * ```
 * @see https://docs.netlify.com/routing/redirects/#syntax-for-the-netlify-configuration-file
 */
export function parseNetlifyToml(text: string, options: ParseOptions = {}): ParsedRedirects {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const line = (error as { line?: number }).line ?? 1;
    throw new RedirectParseError('netlify-toml', [
      {
        index: 0,
        line,
        ...(options.file === undefined ? {} : { file: options.file }),
        field: '',
        message: `not valid TOML: ${String((error as Error).message).split('\n')[0]}`,
      },
    ]);
  }
  const redirects = Object.hasOwn(data, 'redirects') ? data.redirects : [];
  const issues = new IssueList(options.file);
  const headerLines = tableLines(text);
  if (!Array.isArray(redirects)) {
    issues.add(0, 1, 'redirects', 'write redirects as [[redirects]] tables.');
    settle('netlify-toml', issues, [], options);
    return { rules: [], origins: [], options: netlifyOptions, warnings: [] };
  }
  const rules: RedirectRule[] = [];
  const origins: RuleOrigin[] = [];
  const warnings: string[] = [];
  for (const [index, item] of redirects.entries()) {
    const line = headerLines[index] ?? 1;
    const where = `${options.file === undefined ? 'line ' : `${options.file}:`}${line}`;
    const entry = readTable(item);
    if (typeof entry === 'string') {
      issues.add(index, line, '', entry);
      continue;
    }
    const result = netlifyRule(entry);
    if (result.kind === 'error') {
      issues.add(index, line, result.field, result.message);
      continue;
    }
    if (result.kind === 'skip') {
      warnings.push(`${where}: ${result.note}`);
      continue;
    }
    for (const note of result.notes) warnings.push(`${where}: ${note}`);
    if (isTable(item) && isTable(item.headers) && Object.keys(item.headers).length > 0) {
      warnings.push(
        `${where}: "headers" are sent by Netlify to a proxy target; the map does not send them.`,
      );
    }
    rules.push(result.rule);
    origins.push(options.file === undefined ? { line } : { file: options.file, line });
  }
  settle('netlify-toml', issues, warnings, options);
  return { rules, origins, options: netlifyOptions, warnings };
}

function isTable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readTable(item: unknown): NetlifyEntry | string {
  if (!isTable(item)) return 'each redirect must be a table with "from" and "to".';
  const from = item.from ?? item.origin;
  if (typeof from !== 'string') return 'the redirect has no "from"; write from = "/old".';
  const to = item.to ?? item.destination;
  if (to !== undefined && typeof to !== 'string') return '"to" must be a string.';
  const status = item.status;
  if (status !== undefined && typeof status !== 'number' && typeof status !== 'string') {
    return '"status" must be a number such as 301.';
  }
  const query = new Map<string, string>();
  const rawQuery = item.query ?? item.params ?? item.parameters;
  if (isTable(rawQuery))
    for (const [key, value] of Object.entries(rawQuery)) query.set(key, String(value));
  const conditions = new Map<string, string | readonly string[]>();
  if (isTable(item.conditions)) {
    for (const [key, value] of Object.entries(item.conditions)) {
      conditions.set(key, Array.isArray(value) ? value.map(String) : String(value));
    }
  }
  return { from, to, status, force: item.force === true, query, conditions };
}

// The line of each `[[redirects]]` header, in order.
function tableLines(text: string): number[] {
  const lines: number[] = [];
  for (const [offset, line] of text.split(/\r\n|\n|\r/).entries()) {
    if (/^\s*\[\[\s*redirects\s*\]\]/.test(line)) lines.push(offset + 1);
  }
  return lines;
}

/**
 * Writes rules as the `[[redirects]]` tables of a `netlify.toml`, with what Netlify cannot hold
 * listed in `lost` (as {@link serializeNetlify} does).
 *
 * @example
 * ```ts
 * serializeNetlifyToml([{ from: '/old', to: '/new', status: 301 }]).text;
 * // '[[redirects]]\nfrom = "/old"\nto = "/new"\nstatus = 301\nforce = true\n\n'
 * ```
 */
export function serializeNetlifyToml(rules: readonly RedirectRule[]): SerializedRedirects {
  const lost: string[] = [];
  const tables: Record<string, unknown>[] = [];
  for (const [index, rule] of rules.entries()) {
    const words = netlifyWords(rule, index, lost);
    if (words === null) continue;
    const table: Record<string, unknown> = {
      from: words.from,
      to: words.to,
      status: words.status,
      force: words.force,
    };
    // Own properties, so a parameter named __proto__ stays a parameter.
    if (words.query.length > 0) table.query = Object.fromEntries(words.query);
    if (words.conditions.length > 0) {
      table.conditions = Object.fromEntries(
        words.conditions.map(([key, value]) => [key, key === 'Cookie' ? value : value.split(',')]),
      );
    }
    tables.push(table);
  }
  return { text: tables.length === 0 ? '' : `${stringifyToml({ redirects: tables })}\n`, lost };
}
