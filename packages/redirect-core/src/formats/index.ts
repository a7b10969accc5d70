import type { RedirectRule } from '../map/types';
import { parseCsv, serializeCsv } from './csv';
import { parseJsonRules, serializeJsonRules } from './json';
import { parseNetlify, serializeNetlify } from './netlify';
import { parseNetlifyToml, serializeNetlifyToml } from './netlify-toml';
import { type NginxOptions, serializeNginx } from './nginx';
import type {
  ParseableFormat,
  ParsedRedirects,
  ParseOptions,
  RedirectFormat,
  SerializedRedirects,
} from './types';
import { parseNext, parseVercel, serializeNext, serializeVercel } from './vercel';

export { RedirectParseError } from './errors';
export { redirectMapJsonSchema } from './json-schema';
export { type LineSpan, type LineSpanOptions, lineSpans } from './lines';
export type { NginxOptions } from './nginx';
export type {
  HostMapOptions,
  ParseableFormat,
  ParsedRedirects,
  ParseOptions,
  RedirectFormat,
  SerializedRedirects,
} from './types';

const parsers = {
  netlify: parseNetlify,
  'netlify-toml': parseNetlifyToml,
  vercel: parseVercel,
  next: parseNext,
  csv: parseCsv,
  json: parseJsonRules,
} as const satisfies Record<
  ParseableFormat,
  (text: string, options?: ParseOptions) => ParsedRedirects
>;

/**
 * Reads a redirect file into rules, with the line of each rule and the host's matching
 * semantics, so that the map answers every request as the host does: `null` where the host
 * matches nothing, else the host's status and Location, or `{ kind: 'serve' }` for what the
 * host serves itself (rewrites, proxies, error pages, rules only the host can decide). Host
 * formats (`netlify`, `netlify-toml`, `vercel`, `next`) give rules with `syntax`, matched with
 * the host's own semantics; `warnings` lists what the host serves itself and what reads
 * differently.
 *
 * Throws `RedirectParseError` listing every line the host itself refuses, each with its line
 * number, the field and what to change.
 *
 * @example
 * ```ts
 * const parsed = parseRedirects(text, 'netlify', { file: '_redirects' });
 * const map = createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });
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
  const parsed = parse(text, options);
  // Our own formats compare paths the map's default way.
  return parsed.options === undefined ? { ...parsed, options: {} } : parsed;
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
    if (base === 'netlify.toml') return 'netlify-toml';
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
    case 'netlify-toml':
      return serializeNetlifyToml(rules);
    case 'vercel':
      return serializeVercel(rules);
    case 'next':
      return serializeNext(rules);
    case 'csv':
      return serializeCsv(rules);
    case 'json':
      return serializeJsonRules(rules);
    case 'nginx':
      return serializeNginx(rules, options);
    default:
      throw new TypeError(
        `@org/redirect-core: cannot write the format ${JSON.stringify(format)}; use netlify, netlify-toml, vercel, next, csv, json or nginx.`,
      );
  }
}
