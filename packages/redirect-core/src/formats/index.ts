import type { RedirectRule } from '../map/types';
import { parseCsv, serializeCsv } from './csv';
import { parseJsonRules, serializeJsonRules } from './json';
import { parseNetlify, serializeNetlify } from './netlify';
import { type NginxOptions, serializeNginx } from './nginx';
import type {
  ParseableFormat,
  ParsedRedirects,
  ParseOptions,
  RedirectFormat,
  SerializedRedirects,
} from './types';
import { parseVercel, serializeVercel } from './vercel';

export { RedirectParseError } from './errors';
export type { NginxOptions } from './nginx';
export type {
  ParseableFormat,
  ParsedRedirects,
  ParseOptions,
  RedirectFormat,
  SerializedRedirects,
} from './types';

const parsers = {
  netlify: parseNetlify,
  vercel: parseVercel,
  csv: parseCsv,
  json: parseJsonRules,
} as const satisfies Record<
  ParseableFormat,
  (text: string, options?: ParseOptions) => ParsedRedirects
>;

/**
 * Reads a redirect file into rules, with the line of each rule (pass `origins` to
 * `createRedirectMap` so its errors and findings name lines too) and warnings for what reads
 * slightly differently here.
 *
 * Throws `RedirectParseError` listing every line that cannot be read, each with its line
 * number, the field and what to change.
 *
 * @example
 * ```ts
 * const { rules, origins } = parseRedirects(text, 'netlify', { file: '_redirects' });
 * const map = createRedirectMap(rules, { origins });
 * ```
 * @see {@link detectFormat} to pick the format from the file.
 */
export function parseRedirects(
  text: string,
  format: ParseableFormat,
  options: ParseOptions = {},
): ParsedRedirects {
  const parse = parsers[format];
  if (parse === undefined) {
    throw new TypeError(
      `@org/redirect-core: cannot read the format ${JSON.stringify(format)}; use one of ${Object.keys(parsers).join(', ')} (nginx is export only).`,
    );
  }
  return parse(text, options);
}

/**
 * Guesses the format of a redirect file from its name (`_redirects`, `vercel.json`, `*.csv`)
 * and, failing that, its content. `null` when neither says.
 *
 * @example
 * ```ts
 * detectFormat('', '_redirects'); // 'netlify'
 * detectFormat('[{ "source": "/a", "destination": "/b", "permanent": true }]'); // 'vercel'
 * ```
 */
export function detectFormat(text: string, fileName?: string): ParseableFormat | null {
  const base = fileName?.split(/[\\/]/).pop()?.toLowerCase();
  if (base !== undefined) {
    if (base === '_redirects') return 'netlify';
    if (base === 'vercel.json') return 'vercel';
    if (base.endsWith('.csv')) return 'csv';
  }
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    // Keys, not values: a query condition may well be named "source".
    if (/"(rules|from)"\s*:/.test(head)) return 'json';
    if (/"(source|destination|redirects)"\s*:/.test(head)) return 'vercel';
    return 'json';
  }
  const firstLine = trimmed
    .split(/\r?\n/)
    .find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  if (firstLine === undefined) return base?.endsWith('.json') ? 'json' : null;
  if (/^"?from"?\s*,/i.test(firstLine) || /,\s*"?from"?\s*(,|$)/i.test(firstLine)) return 'csv';
  if (/^(\/|https?:\/\/)\S*\s+\S/.test(firstLine)) return 'netlify';
  return null;
}

/**
 * Writes rules in a format, and says what the format could not hold: `lost` has one sentence
 * per rule or feature that did not survive, and is empty for a faithful copy.
 *
 * @example
 * ```ts
 * const { text, lost } = serializeRedirects(rules, 'csv');
 * if (lost.length > 0) console.warn(lost.join('\n'));
 * ```
 */
export function serializeRedirects(
  rules: readonly RedirectRule[],
  format: RedirectFormat,
  options: NginxOptions = {},
): SerializedRedirects {
  switch (format) {
    case 'netlify':
      return serializeNetlify(rules);
    case 'vercel':
      return serializeVercel(rules);
    case 'csv':
      return serializeCsv(rules);
    case 'json':
      return serializeJsonRules(rules);
    case 'nginx':
      return serializeNginx(rules, options);
    default:
      throw new TypeError(
        `@org/redirect-core: cannot write the format ${JSON.stringify(format)}; use netlify, vercel, csv, json or nginx.`,
      );
  }
}
