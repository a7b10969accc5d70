import { ruleStatus } from '../map/rule-status';
import type { RedirectRule, RuleOrigin } from '../map/types';
import { RedirectParseError } from './errors';
import { IssueList, settle, splitLines } from './issues';
import { lostConditions } from './lost-conditions';
import type { ParsedRedirects, ParseOptions, SerializedRedirects } from './types';

// Netlify answers these with content rather than a Location: rewrites and error pages.
const notRedirects: Readonly<Record<string, string>> = {
  '200': 'a rewrite (the server answers with the destination content), not a redirect',
  '404': 'an error page, not a redirect',
  '410': 'an error page, not a redirect',
  '451': 'an error page, not a redirect',
};

const redirectCodes = new Set(['301', '302', '303', '307', '308']);

/**
 * Reads a Netlify `_redirects` file: `from [key=value ...] to [status][!] [conditions]`, one rule
 * a line, `#` comments and blank lines ignored. A missing status means 301, as on Netlify.
 * `key=:name` query conditions accept any value; a domain in `from` becomes a `host` condition.
 *
 * Throws {@link RedirectParseError} listing every line it cannot express: rewrites (200),
 * error pages (404), `Country=`/`Language=`/`Role=`/`Cookie=` conditions, and query values
 * substituted into the destination.
 *
 * @example
 * ```ts
 * parseNetlify('/news/*  /blog/:splat  301!\n').rules;
 * // [{ from: '/news/*', to: '/blog/:splat', status: 301 }]
 * ```
 * @see https://docs.netlify.com/routing/redirects/
 */
export function parseNetlify(text: string, options: ParseOptions = {}): ParsedRedirects {
  const issues = new IssueList(options.file);
  const rules: RedirectRule[] = [];
  const origins: RuleOrigin[] = [];
  const unforced: number[] = [];
  const lines = splitLines(text);
  let index = -1;
  for (const [offset, raw] of lines.entries()) {
    const line = offset + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    index += 1;
    const parsed = parseLine(trimmed);
    if (parsed.kind === 'error') {
      for (const [field, message] of parsed.problems) issues.add(index, line, field, message);
      continue;
    }
    rules.push(parsed.rule);
    origins.push(options.file === undefined ? { line } : { file: options.file, line });
    if (!parsed.forced) unforced.push(line);
  }
  const warnings: string[] = [];
  settle('netlify', issues, warnings, options);
  if (unforced.length > 0) {
    warnings.push(
      `${unforced.length} rule${unforced.length === 1 ? '' : 's'} without "!" (first on line ${unforced[0]}): Netlify skips such a rule when a file exists at its path; here every rule applies.`,
    );
  }
  return { rules, origins, warnings };
}

type LineResult =
  | { kind: 'rule'; rule: RedirectRule; forced: boolean }
  | { kind: 'error'; problems: [field: string, message: string][] };

function parseLine(trimmed: string): LineResult {
  const tokens = trimmed.split(/\s+/);
  const problems: [string, string][] = [];
  let from = tokens[0] ?? '';
  let host: string | undefined;
  if (/^https?:\/\//i.test(from)) {
    const url = safeUrl(from);
    if (url === null) {
      problems.push([
        'from',
        `"${from}" is not a valid URL; write a path like /old or a URL like https://example.com/old.`,
      ]);
    } else {
      host = url.hostname;
      from = url.pathname;
    }
  } else if (!from.startsWith('/')) {
    problems.push(['from', `"${from}" must start with "/" (or be a URL with a domain).`]);
  }
  if (from.includes('?')) {
    problems.push([
      'from',
      `"${from}" has a query string; write query conditions as separate key=value words after the path.`,
    ]);
  }
  let position = 1;
  const query: Record<string, string | true> = {};
  const queryParams: string[] = [];
  for (; position < tokens.length; position += 1) {
    const token = tokens[position]!;
    if (token.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(token) || !token.includes('='))
      break;
    const eq = token.indexOf('=');
    const key = token.slice(0, eq);
    const value = token.slice(eq + 1);
    if (key === '') {
      problems.push([
        'query',
        `"${token}" has no parameter name; write name=value or name=:placeholder.`,
      ]);
    } else if (value.startsWith(':')) {
      query[key] = true;
      queryParams.push(value.slice(1));
    } else {
      query[key] = value;
    }
  }
  const to = tokens[position];
  const statusToken = tokens[position + 1];
  const conditions = tokens.slice(position + 2);
  if (to === undefined || /^\d{3}!?$/.test(to)) {
    problems.push(['to', 'the rule has no destination; write "from to [status]".']);
    return { kind: 'error', problems };
  }
  for (const name of queryParams) {
    if (usesParam(to, name)) {
      problems.push([
        'to',
        `the query placeholder :${name} is used in the destination, which redirect cannot substitute; drop it from "${to}" (the query string is carried to the destination by default).`,
      ]);
    }
  }
  let status = '301';
  let forced = false;
  if (statusToken !== undefined) {
    const match = /^(\d{3})(!?)$/.exec(statusToken);
    if (match === null) {
      problems.push([
        'status',
        `"${statusToken}" is not a status; write a code such as 301 or 308, optionally followed by "!".`,
      ]);
    } else {
      status = match[1]!;
      forced = match[2] === '!';
      const reason = notRedirects[status];
      if (reason !== undefined) {
        problems.push([
          'status',
          `status ${status} is ${reason}; redirect maps only hold redirects (301, 302, 303, 307, 308).`,
        ]);
      } else if (!redirectCodes.has(status)) {
        problems.push([
          'status',
          `status ${status} is not a redirect; use 301, 302, 303, 307 or 308.`,
        ]);
      }
    }
  }
  if (conditions.length > 0) {
    problems.push([
      '',
      `conditions ${conditions.join(' ')} (country, language, role or cookie) cannot be expressed in a redirect map; remove them or handle them in the application.`,
    ]);
  }
  if (problems.length > 0) return { kind: 'error', problems };
  const rule: RedirectRule = {
    from,
    to,
    status: Number(status) as 301,
    ...(host === undefined ? {} : { host }),
    ...(Object.keys(query).length === 0 ? {} : { query }),
  };
  return { kind: 'rule', rule, forced };
}

function usesParam(to: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`:${escaped}(?![A-Za-z0-9_])`).test(to);
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * Writes rules as a Netlify `_redirects` file. Every rule is written forced (`!`), since a
 * redirect map has no files to fall back to; `host` becomes a domain in `from`. Method
 * conditions and `preserveQuery: false` cannot be written and are listed in `lost`.
 *
 * @example
 * ```ts
 * serializeNetlify([{ from: '/old', to: '/new', permanent: true }]).text; // '/old /new 308!\n'
 * ```
 */
export function serializeNetlify(rules: readonly RedirectRule[]): SerializedRedirects {
  const lost: string[] = [];
  const lines = rules.map((rule, index) => {
    lost.push(...lostConditions(rule, index, 'Netlify'));
    const words: string[] = [];
    const from = noSpaces(rule.from, index, 'from', lost);
    words.push(rule.host === undefined ? from : `https://${rule.host}${from}`);
    let placeholder = 0;
    for (const [key, value] of Object.entries(rule.query ?? {})) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `q${placeholder++}`;
      words.push(
        `${noSpaces(key, index, 'query', lost)}=${value === true ? `:${name}` : noSpaces(value, index, 'query', lost)}`,
      );
    }
    words.push(noSpaces(rule.to, index, 'to', lost), `${ruleStatus(rule)}!`);
    return words.join(' ');
  });
  return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, lost };
}

function noSpaces(value: string, index: number, field: string, lost: string[]): string {
  if (!/\s/.test(value)) return value;
  lost.push(`rule ${index}: whitespace in ${field} "${value}" was written as %20.`);
  return value.replace(/\s/g, (space) => encodeURIComponent(space));
}
