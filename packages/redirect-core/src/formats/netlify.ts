import { ruleStatus } from '../map/rule-status';
import type { RedirectRule, RuleOrigin } from '../map/types';
import { IssueList, settle } from './issues';
import { lostConditions } from './lost-conditions';
import { type NetlifyEntry, netlifyRule } from './netlify-rule';
import type { ParsedRedirects, ParseOptions, SerializedRedirects } from './types';

/**
 * Reads a Netlify `_redirects` file the way Netlify does: `from [key=value ...] [to]
 * [status][!] [Condition=value ...]`, one rule a line; blank lines, `#` comments and a trailing
 * `# comment` are ignored; no status means 301. Every rule keeps its line and its place:
 * rewrites (200), proxies, error pages (404, 410...) and rules that only Netlify can decide
 * (`Country`, `Role`) become rules with `serve`, which shadow later rules as on Netlify, and a
 * note in `warnings`. Rules carry `syntax: 'netlify'`, so the map reads them as Netlify does
 * (case-sensitive paths, prefix `*`, query placeholders...): pass `options` with the rules.
 *
 * Throws {@link RedirectParseError} only for lines Netlify refuses: no destination, a status
 * that is not a number, a path under `/.netlify`, a URL that does not parse.
 *
 * @example
 * ```ts
 * const parsed = parseNetlify('/news/*  /blog/:splat  301!\n/*  /index.html  200\n');
 * const map = createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });
 * map.match({ url: '/news/a' }); // { kind: 'redirect', status: 301, location: '/blog/a', ... }
 * map.match({ url: '/app' }); // { kind: 'serve', status: 200, reason: 'rewrite', ... }
 * ```
 * @see https://docs.netlify.com/routing/redirects/
 */
export function parseNetlify(text: string, options: ParseOptions = {}): ParsedRedirects {
  const issues = new IssueList(options.file);
  const rules: RedirectRule[] = [];
  const origins: RuleOrigin[] = [];
  const warnings: string[] = [];
  const unforced: number[] = [];
  // Netlify splits on LF only; a CR left at the end of a line is whitespace to it.
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let index = -1;
  for (const [offset, raw] of lines.entries()) {
    const line = offset + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    index += 1;
    const entry = readLine(trimmed);
    const where = `${options.file === undefined ? 'line ' : `${options.file}:`}${line}`;
    const result = entry.kind === 'error' ? entry : netlifyRule(entry.entry);
    if (result.kind === 'error') {
      issues.add(index, line, result.field, result.message);
      continue;
    }
    if (result.kind === 'skip') {
      warnings.push(`${where}: ${result.note}`);
      continue;
    }
    for (const note of result.notes) warnings.push(`${where}: ${note}`);
    rules.push(result.rule);
    origins.push(options.file === undefined ? { line } : { file: options.file, line });
    if (entry.kind === 'entry' && !entry.entry.force && result.rule.serve === undefined) {
      unforced.push(line);
    }
  }
  settle('netlify', issues, warnings, options);
  if (unforced.length > 0) {
    warnings.push(
      `${unforced.length} rule${unforced.length === 1 ? '' : 's'} without "!" (first on line ${unforced[0]}): Netlify skips such a rule when a file exists at its path; here every rule applies.`,
    );
  }
  return { rules, origins, options: netlifyOptions, warnings };
}

/** How Netlify compares paths: with their case, one trailing slash ignored. */
export const netlifyOptions = { caseSensitive: true, trailingSlash: 'ignore' } as const;

type LineResult =
  | { kind: 'entry'; entry: NetlifyEntry }
  | { kind: 'error'; field: string; message: string };

function readLine(trimmed: string): LineResult {
  let tokens = trimmed.split(/\s+/);
  const comment = tokens.findIndex((token) => token.startsWith('#'));
  if (comment !== -1) tokens = tokens.slice(0, comment);
  const [from = '', ...parts] = tokens;
  if (parts.length === 0) {
    return {
      kind: 'error',
      field: 'to',
      message: 'the rule has no destination; write "from to [status]".',
    };
  }
  let queryParts: string[] = [];
  let to: string | undefined;
  let rest: string[];
  if (Number.isInteger(Number.parseInt(parts[0]!, 10))) rest = parts;
  else {
    const at = parts.findIndex((part) => part.startsWith('/') || /^https?:\/\//.test(part));
    if (at === -1) {
      return {
        kind: 'error',
        field: 'to',
        message: 'the destination must start with "/", "http://" or "https://".',
      };
    }
    queryParts = parts.slice(0, at);
    to = parts[at];
    rest = parts.slice(at + 1);
  }
  const [statusPart, ...conditionParts] = rest;
  return {
    kind: 'entry',
    entry: {
      from,
      to,
      status: statusPart,
      force: statusPart?.endsWith('!') ?? false,
      query: pairs(queryParts),
      conditions: pairs(conditionParts.filter((part) => !/^sign=/i.test(part))),
    },
  };
}

// `key=value` words, as Netlify splits them (a second "=" ends the value).
function pairs(parts: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of parts) {
    const [key = '', value = ''] = part.split('=');
    map.set(key, value);
  }
  return map;
}

/** One rule as Netlify's words: what `_redirects` lines and `netlify.toml` tables hold. */
export interface NetlifyWords {
  readonly from: string;
  readonly query: readonly (readonly [string, string])[];
  readonly to: string;
  readonly status: number;
  readonly force: boolean;
  readonly conditions: readonly (readonly [string, string])[];
}

/**
 * A rule as Netlify's words, with what Netlify cannot say of it pushed to `lost`. Rules read
 * from Netlify (`syntax: 'netlify'`) are written back as they were read; other rules are
 * written forced (`!`), since a redirect map has no files to fall back to.
 */
export function netlifyWords(
  rule: RedirectRule,
  index: number,
  lost: string[],
): NetlifyWords | null {
  const label = `rule ${index + 1} (${rule.from})`;
  if (rule.syntax === 'next' || rule.has !== undefined || rule.missing !== undefined) {
    lost.push(
      `${label}: a Next.js / Vercel pattern or has/missing condition has no Netlify equivalent; it was left out.`,
    );
    return null;
  }
  const netlify = rule.syntax === 'netlify';
  // A Netlify rule with query conditions drops the query by its own meaning.
  lost.push(...lostConditions(netlify ? { ...rule, preserveQuery: true } : rule, index, 'Netlify'));
  let from = noSpaces(rule.from, index, 'from', lost);
  if (!netlify) {
    // A plain `:name*` splat is Netlify's `*`, named splat.
    const splat = /\/:([A-Za-z_][A-Za-z0-9_]*)\*$/.exec(from);
    if (splat !== null && splat[1] !== 'splat') {
      lost.push(`${label}: Netlify names every splat "splat"; ":${splat[1]}" was renamed.`);
    }
    from = from.replace(/\/:[A-Za-z_][A-Za-z0-9_]*\*$/, '/*');
    if (/\*[^/]|[^/]\*$/.test(from.replace(/\/\*$/, ''))) {
      lost.push(
        `${label}: a literal "*" in "${rule.from}" would be a wildcard on Netlify; it was left out.`,
      );
      return null;
    }
  }
  const host = rule.host === undefined ? '' : `${rule.scheme ?? 'https'}://${rule.host}`;
  if (rule.host !== undefined && rule.scheme === undefined) {
    lost.push(
      `${label}: Netlify matches a domain rule on one scheme; it was written for https only.`,
    );
  }
  const query: [string, string][] = [];
  let placeholder = 0;
  for (const [key, value] of Object.entries(rule.query ?? {})) {
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `q${placeholder++}`;
    query.push([
      noSpaces(key, index, 'query', lost),
      value === true ? `:${name}` : noSpaces(value, index, 'query', lost),
    ]);
  }
  if (!netlify && query.length > 0) {
    lost.push(
      `${label}: Netlify compares a query condition with the last value of the parameter, and drops the query from the destination.`,
    );
  }
  let to = noSpaces(rule.to, index, 'to', lost);
  if (!netlify)
    to = to
      .replace(/:([A-Za-z_][A-Za-z0-9_]*)\*/g, ':$1')
      .replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (token, name: string) => {
        const splat = /\/:([A-Za-z_][A-Za-z0-9_]*)\*$/.exec(rule.from)?.[1];
        return name === splat ? ':splat' : token;
      });
  const conditions: [string, string][] = [];
  const names = {
    language: 'Language',
    country: 'Country',
    role: 'Role',
    cookie: 'Cookie',
  } as const;
  for (const [key, values] of Object.entries(rule.conditions ?? {})) {
    conditions.push([names[key as keyof typeof names] ?? key, (values as string[]).join(',')]);
  }
  return {
    from: `${host}${from}`,
    query,
    to,
    status: rule.serve ?? ruleStatus(rule),
    force: true,
    conditions,
  };
}

/**
 * Writes rules as a Netlify `_redirects` file. Rules read from Netlify are written back as
 * read; other rules are written forced (`!`), since a redirect map has no files to fall back
 * to, and `host` becomes a domain in `from`. What Netlify cannot say (method conditions,
 * `preserveQuery: false`, Next.js patterns...) is listed in `lost`.
 *
 * @example
 * ```ts
 * serializeNetlify([{ from: '/old', to: '/new', permanent: true }]).text; // '/old /new 308!\n'
 * ```
 */
export function serializeNetlify(rules: readonly RedirectRule[]): SerializedRedirects {
  const lost: string[] = [];
  const lines: string[] = [];
  for (const [index, rule] of rules.entries()) {
    const words = netlifyWords(rule, index, lost);
    if (words === null) continue;
    lines.push(
      [
        words.from,
        ...words.query.map(([key, value]) => `${key}=${value}`),
        words.to,
        `${words.status}${words.force ? '!' : ''}`,
        ...words.conditions.map(([key, value]) => `${key}=${value}`),
      ].join(' '),
    );
  }
  return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, lost };
}

function noSpaces(value: string, index: number, field: string, lost: string[]): string {
  if (!/\s/.test(value)) return value;
  lost.push(`rule ${index + 1}: whitespace in ${field} "${value}" was written as %20.`);
  return value.replace(/\s/g, (space) => encodeURIComponent(space));
}
