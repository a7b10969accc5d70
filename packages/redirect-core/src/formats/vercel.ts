import { parse as parsePath, type Token } from 'path-to-regexp';
import { compileNextRule } from '../map/next-rule';
import { parsePattern } from '../map/pattern';
import { ruleStatus } from '../map/rule-status';
import type { HostCondition, RedirectRule, RuleOrigin } from '../map/types';
import { RedirectParseError } from './errors';
import { IssueList, settle } from './issues';
import { elementLines, parseJsonText } from './json-text';
import { lostConditions } from './lost-conditions';
import type { ParsedRedirects, ParseOptions, SerializedRedirects } from './types';

const FIELDS = [
  'source',
  'destination',
  'permanent',
  'statusCode',
  'has',
  'missing',
  'basePath',
  'locale',
];
const HAS_TYPES = new Set(['header', 'cookie', 'query', 'host']);
const STATUS_CODES = new Set([301, 302, 303, 307, 308]);
const NAMED_GROUP = /\(\?<([a-zA-Z][a-zA-Z0-9]*)>/g;

/** How Next.js compares paths: in any case (unless `caseSensitiveRoutes`). */
export const nextOptions = { caseSensitive: false } as const;

/**
 * Next.js's own redirect of a path with a trailing slash to the path without it
 * (`trailingSlash: false`, the default), which runs before the redirects of next.config. The map
 * reads it as all of Next's own path redirects (308): first a path with `\` or `//` to the path
 * with single `/` (Next's `normalizeRepeatedSlashes`), else the trailing slash.
 */
export const nextTrailingSlashRule: RedirectRule = {
  from: '/:path+/',
  to: '/:path+',
  status: 308,
  syntax: 'next',
};

/**
 * Reads Next.js redirects (what `redirects()` in next.config returns, as JSON: an array, or
 * `{ "redirects": [...] }`) the way `next build` and `next start` do: path-to-regexp sources
 * (`:name`, `:name*`, `:name+`, `:name?`, regex groups, `(.*)`), `has` / `missing`,
 * `permanent` (308 / 307) or `statusCode`. Rules carry `syntax: 'next'`; the first rule is
 * Next's own trailing-slash redirect (`/a/` to `/a`, 308), which runs before yours.
 *
 * What Next refuses at build time is a {@link RedirectParseError} naming the entry: no
 * `permanent` or `statusCode`, a source that does not parse, destination params that neither
 * `source` nor `has` captures, unknown fields.
 *
 * @example
 * ```ts
 * const parsed = parseNext('[{ "source": "/blog/:slug*", "destination": "/news/:slug*", "permanent": true }]');
 * const map = createRedirectMap(parsed.rules, { origins: parsed.origins, ...parsed.options });
 * map.match({ url: '/blog' })?.location; // '/news'
 * ```
 * @see https://nextjs.org/docs/app/api-reference/config/next-config-js/redirects
 */
export function parseNext(text: string, options: ParseOptions = {}): ParsedRedirects {
  const parsed = parseHostJson(text, options, 'next');
  return {
    ...parsed,
    rules: [nextTrailingSlashRule, ...parsed.rules],
    origins: [
      { ...(options.file === undefined ? {} : { file: options.file }), line: 1 },
      ...parsed.origins,
    ],
    warnings: [
      'rule 1 is Next.js\'s own redirect of "/a/" to "/a" (308), which runs before the redirects of next.config.',
      ...parsed.warnings,
    ],
  };
}

/**
 * Reads the `redirects` of a `vercel.json` (or an array of them) as Vercel does: the Next.js
 * syntax of {@link parseNext}, except that an entry with neither `permanent` nor `statusCode`
 * is a 308, and no trailing-slash redirect is added.
 *
 * @example
 * ```ts
 * parseVercel('{ "redirects": [{ "source": "/old", "destination": "/new" }] }').rules;
 * // [{ from: '/old', to: '/new', status: 308, syntax: 'next' }]
 * ```
 * @see https://vercel.com/docs/project-configuration#redirects
 */
export function parseVercel(text: string, options: ParseOptions = {}): ParsedRedirects {
  return parseHostJson(text, options, 'vercel');
}

function parseHostJson(
  text: string,
  options: ParseOptions,
  format: 'next' | 'vercel',
): ParsedRedirects {
  const data = parseJsonText(text, format, options.file);
  const items = Array.isArray(data)
    ? data
    : data !== null &&
        typeof data === 'object' &&
        Array.isArray((data as { redirects?: unknown }).redirects)
      ? (data as { redirects: unknown[] }).redirects
      : null;
  if (items === null) {
    throw new RedirectParseError(format, [
      {
        index: 0,
        line: 1,
        ...(options.file === undefined ? {} : { file: options.file }),
        field: '',
        message:
          'the file must hold an array of redirects or an object { "redirects": [...] } (vercel.json).',
      },
    ]);
  }
  const lines = elementLines(text, ['redirects']);
  const issues = new IssueList(options.file);
  const rules: RedirectRule[] = [];
  const origins: RuleOrigin[] = [];
  const warnings: string[] = [];
  for (const [index, item] of items.entries()) {
    const line = lines[index];
    const where = line === undefined ? `redirect ${index + 1}` : `line ${line}`;
    const result = nextEntry(item, format);
    if (result.problems.length > 0 || result.rule === null) {
      for (const [field, message] of result.problems) issues.add(index, line, field, message);
      continue;
    }
    for (const note of result.notes) warnings.push(`${where}: ${note}`);
    rules.push(result.rule);
    origins.push({
      ...(options.file === undefined ? {} : { file: options.file }),
      line: line ?? 1,
    });
  }
  settle(format, issues, warnings, options);
  return { rules, origins, options: nextOptions, warnings };
}

interface EntryResult {
  rule: RedirectRule | null;
  problems: [field: string, message: string][];
  notes: string[];
}

/** One entry checked as `next build` checks it (load-custom-routes), read into a rule. */
function nextEntry(item: unknown, format: 'next' | 'vercel'): EntryResult {
  const problems: [string, string][] = [];
  const notes: string[] = [];
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return {
      rule: null,
      problems: [['', 'each redirect must be an object { source, destination, permanent }.']],
      notes,
    };
  }
  const entry = item as Record<string, unknown>;
  const unknown = Object.keys(entry).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0) {
    problems.push([
      '',
      `unknown field${unknown.length === 1 ? '' : 's'} ${unknown.map((key) => `"${key}"`).join(', ')}; the fields are ${FIELDS.join(', ')}.`,
    ]);
  }
  const { source, destination, permanent, statusCode } = entry;
  if (typeof source !== 'string' || source === '')
    problems.push(['source', '"source" is missing or not a string.']);
  else if (!source.startsWith('/'))
    problems.push(['source', `"${source}" does not start with "/".`]);
  if (typeof destination !== 'string' || destination === '') {
    problems.push(['destination', '"destination" is missing or not a string.']);
  }
  if (statusCode !== undefined && !STATUS_CODES.has(statusCode as number)) {
    problems.push(['statusCode', 'statusCode must be 301, 302, 303, 307 or 308.']);
  }
  if (permanent !== undefined && typeof permanent !== 'boolean') {
    problems.push(['permanent', '"permanent" must be true or false.']);
  }
  if (typeof permanent !== 'boolean' && statusCode === undefined && format === 'next') {
    problems.push([
      'permanent',
      'add "permanent": true (308) or false (307), or a "statusCode"; Next.js refuses the build without one.',
    ]);
  }
  if (entry.basePath !== undefined && entry.basePath !== false)
    problems.push(['basePath', '"basePath" must be false or absent.']);
  if (entry.locale !== undefined && entry.locale !== false)
    problems.push(['locale', '"locale" must be false or absent.']);
  if (entry.basePath === false)
    notes.push('"basePath": false: the source is matched as written (no basePath here).');
  if (entry.locale === false)
    notes.push('"locale": false: the source is matched as written (no i18n here).');
  const has = readConditions(entry.has, 'has', problems);
  const missing = readConditions(entry.missing, 'missing', problems);
  let tokens: Token[] | null = null;
  if (typeof source === 'string' && source.startsWith('/')) {
    try {
      tokens = parsePath(source);
    } catch (error) {
      problems.push([
        'source',
        `"${source}" does not parse as a path-to-regexp pattern: ${(error as Error).message}.`,
      ]);
    }
  }
  if (tokens !== null && typeof destination === 'string' && destination.startsWith('/')) {
    checkDestination(tokens, destination, has ?? [], problems);
  }
  if (problems.length > 0) return { rule: null, problems, notes };
  const status = typeof statusCode === 'number' ? statusCode : permanent === false ? 307 : 308;
  if (typeof permanent !== 'boolean' && statusCode === undefined) {
    notes.push('neither "permanent" nor "statusCode": Vercel answers 308.');
  }
  if (typeof permanent === 'boolean' && statusCode !== undefined) {
    notes.push(
      `both "permanent" and "statusCode": statusCode ${String(statusCode)} wins, as in Next.js.`,
    );
  }
  const rule: RedirectRule = {
    from: source as string,
    to: destination as string,
    status: status as 308,
    syntax: 'next',
    ...(has === null ? {} : { has }),
    ...(missing === null ? {} : { missing }),
  };
  try {
    compileNextRule(rule);
  } catch (error) {
    return {
      rule: null,
      problems: [['source', `"${String(source)}": ${(error as Error).message}.`]],
      notes,
    };
  }
  return { rule, problems, notes };
}

function readConditions(
  value: unknown,
  field: string,
  problems: [string, string][],
): HostCondition[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    problems.push([field, `"${field}" must be a list of { type, key, value }.`]);
    return null;
  }
  const out: HostCondition[] = [];
  for (const [position, item] of value.entries()) {
    const at = `${field}.${position}`;
    const condition = (item ?? {}) as Record<string, unknown>;
    const type = condition.type;
    if (typeof type !== 'string' || !HAS_TYPES.has(type)) {
      problems.push([at, 'type must be "header", "cookie", "query" or "host".']);
      continue;
    }
    if (type !== 'host' && typeof condition.key !== 'string')
      problems.push([at, `a "${type}" condition needs a "key".`]);
    if (condition.value !== undefined && typeof condition.value !== 'string')
      problems.push([at, '"value" must be a string.']);
    if (type === 'host' && condition.value === undefined)
      problems.push([at, 'a "host" condition needs a "value".']);
    if (typeof condition.value === 'string') {
      try {
        new RegExp(`^${condition.value}$`);
      } catch {
        problems.push([at, `"${condition.value}" is not a valid regular expression.`]);
      }
    }
    out.push({
      type: type as HostCondition['type'],
      ...(typeof condition.key === 'string' ? { key: condition.key } : {}),
      ...(typeof condition.value === 'string' ? { value: condition.value } : {}),
    });
  }
  return out;
}

// Next: "destination has segments not in source or has", and unnamed params in the destination.
function checkDestination(
  tokens: Token[],
  destination: string,
  has: readonly HostCondition[],
  problems: [string, string][],
): void {
  const named = new Set<string>();
  for (const token of tokens) {
    if (typeof token === 'object') {
      if (typeof token.name === 'number') {
        if (new RegExp(`:${token.name}(?!\\d)`).test(destination)) {
          problems.push([
            'destination',
            `"${destination}" uses the unnamed param :${token.name}; name it in the source.`,
          ]);
          return;
        }
      } else named.add(token.name);
    }
  }
  for (const condition of has) {
    if (condition.value === undefined && condition.key !== undefined) named.add(condition.key);
    if (condition.value !== undefined) {
      for (const match of condition.value.matchAll(NAMED_GROUP)) if (match[1]) named.add(match[1]);
      if (condition.type === 'host') named.add('host');
    }
  }
  let destTokens: Token[];
  try {
    const url = new URL(destination, 'http://n');
    destTokens = parsePath(url.pathname + url.hash);
  } catch (error) {
    problems.push(['destination', `"${destination}" does not parse: ${(error as Error).message}.`]);
    return;
  }
  const missing = destTokens
    .filter((token) => typeof token === 'object' && !named.has(String(token.name)))
    .map((token) => String((token as { name: string | number }).name));
  if (missing.length > 0) {
    problems.push([
      'destination',
      `"${destination}" has segments not in "source" or "has" (${[...new Set(missing)].join(', ')}); Next.js refuses the build.`,
    ]);
  }
}

/** One entry of Next.js `redirects()` / vercel.json `redirects`. */
export interface NextRedirectEntry {
  readonly source: string;
  readonly destination: string;
  readonly permanent?: boolean;
  readonly statusCode?: number;
  readonly has?: readonly HostCondition[];
  readonly missing?: readonly HostCondition[];
}

function isTrailingSlashRule(rule: RedirectRule): boolean {
  return (
    rule.syntax === 'next' &&
    rule.from === nextTrailingSlashRule.from &&
    rule.to === nextTrailingSlashRule.to &&
    rule.status === 308
  );
}

/**
 * A rule as a Next.js / Vercel redirect entry, or `null` with the reason in `lost`. Literal
 * text is escaped for path-to-regexp, and host and query values for the regular expressions
 * `has` holds, so every character means itself.
 */
export function nextEntryOf(
  rule: RedirectRule,
  index: number,
  lost: string[],
): NextRedirectEntry | null {
  const label = `rule ${index + 1} (${rule.from})`;
  const status = rule.serve ?? ruleStatus(rule);
  if (rule.serve !== undefined || !STATUS_CODES.has(status)) {
    lost.push(
      `${label}: status ${status} is served by the host (a rewrite or error page); Next.js redirects() cannot say it.`,
    );
    return null;
  }
  lost.push(...lostConditions(rule, index, 'Next.js'));
  const statusFields =
    status === 308
      ? { permanent: true }
      : status === 307
        ? { permanent: false }
        : { statusCode: status };
  if (rule.syntax === 'next') {
    return {
      source: rule.from,
      destination: rule.to,
      ...statusFields,
      ...(rule.has === undefined ? {} : { has: rule.has }),
      ...(rule.missing === undefined ? {} : { missing: rule.missing }),
    };
  }
  const has: HostCondition[] = [];
  if (rule.host !== undefined) {
    if (rule.host.includes(':'))
      lost.push(`${label}: Next.js matches the host name without its port; the port was dropped.`);
    has.push({ type: 'host', value: escapeRegExp(rule.host.replace(/:\d+$/, '').toLowerCase()) });
  }
  let source: string;
  let destination = rule.to;
  if (rule.syntax === 'netlify') {
    const converted = netlifyToNext(rule, label, lost, has);
    if (converted === null) return null;
    source = converted.source;
    destination = converted.destination;
  } else {
    const parsed = parsePattern(rule.from);
    const splats = parsed.ok
      ? parsed.value.segments
          .filter((segment) => segment.kind === 'splat')
          .map((segment) => segment.name)
      : [];
    source = rule.from
      .split('/')
      .map((segment) => {
        if (segment === '*') return ':splat*';
        if (/^:[A-Za-z_][A-Za-z0-9_]*\*?$/.test(segment)) return segment;
        return escapePathText(segment);
      })
      .join('/');
    for (const name of splats) {
      destination = destination.replace(new RegExp(`:${name}(?![A-Za-z0-9_*])`, 'g'), `:${name}*`);
    }
    for (const [key, value] of Object.entries(rule.query ?? {})) {
      has.push(
        value === true
          ? { type: 'query', key }
          : { type: 'query', key, value: escapeRegExp(value) },
      );
    }
  }
  if (rule.scheme !== undefined)
    lost.push(`${label}: Next.js cannot match on the scheme (${rule.scheme}).`);
  return {
    source,
    destination: escapeDestination(destination),
    ...statusFields,
    ...(has.length === 0 ? {} : { has }),
  };
}

// A Netlify rule in path-to-regexp terms, where the meaning survives.
function netlifyToNext(
  rule: RedirectRule,
  label: string,
  lost: string[],
  has: HostCondition[],
): { source: string; destination: string } | null {
  if (rule.conditions !== undefined) {
    lost.push(
      `${label}: Netlify Language, Country, Role and Cookie conditions have no exact Next.js equivalent; it was left out.`,
    );
    return null;
  }
  const segments = rule.from.split('/').slice(1);
  const out: string[] = [];
  for (const [position, segment] of segments.entries()) {
    const last = position === segments.length - 1;
    if (last && segment === '*') out.push(':splat*');
    else if (/^:[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) out.push(segment);
    else if (segment.includes('*')) {
      lost.push(
        `${label}: "${rule.from}" (a "*" inside a segment or the path) has no exact Next.js equivalent; it was left out.`,
      );
      return null;
    } else out.push(escapePathText(segment));
  }
  const destination = rule.to.replace(/:splat(?![A-Za-z0-9_])/g, ':splat*');
  for (const [key, value] of Object.entries(rule.query ?? {})) {
    if (typeof value === 'string' && value.startsWith(':')) {
      const name = value.slice(1);
      has.push(
        /^[A-Za-z]+$/.test(key) && key === name
          ? { type: 'query', key }
          : { type: 'query', key, value: `(?<${name.replace(/[^A-Za-z0-9]/g, '')}>.*)` },
      );
    } else has.push({ type: 'query', key, value: escapeRegExp(String(value)) });
  }
  if (/[A-Za-z]/.test(rule.from)) {
    lost.push(
      `${label}: Netlify compares paths with their case, Next.js in any case: "${rule.from}" now also matches other cases.`,
    );
  }
  if (segments.at(-1) === '*') {
    lost.push(`${label}: Netlify keeps a trailing slash in the splat, Next.js drops it.`);
  }
  return { source: `/${out.join('/')}`, destination };
}

/**
 * Writes rules as a `vercel.json` object `{ "redirects": [...] }` that Next.js `redirects()`
 * also accepts. 308 and 307 are written as `permanent`, other codes as `statusCode`; `host` and
 * `query` become `has` conditions with every regular-expression character escaped. What
 * Next.js / Vercel cannot say (rewrites, methods, `preserveQuery: false`, Netlify-only
 * patterns) and the count limit of vercel.json are reported in `lost`.
 *
 * @example
 * ```ts
 * serializeVercel([{ from: '/docs/*', to: '/guide/:splat', status: 301 }]).text;
 * // { "redirects": [ { "source": "/docs/:splat*", "destination": "/guide/:splat*", "statusCode": 301 } ] }
 * ```
 */
export function serializeVercel(rules: readonly RedirectRule[]): SerializedRedirects {
  const { entries, lost } = nextEntries(rules);
  if (entries.length > 1024) {
    lost.push(
      `${entries.length} redirects: vercel.json accepts at most 1,024 to 2,048 redirects depending on the plan; serve a map this size from middleware instead.`,
    );
  }
  const body = entries.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n');
  return {
    text: entries.length === 0 ? '{ "redirects": [] }\n' : `{\n  "redirects": [\n${body}\n  ]\n}\n`,
    lost,
  };
}

/**
 * Writes rules as the JSON array `redirects()` in next.config returns; see
 * {@link serializeVercel}. Next's own trailing-slash redirect is not written.
 *
 * @example
 * ```ts
 * serializeNext([{ from: '/old', to: '/new', permanent: true }]).text;
 * // [\n  {"source":"/old","destination":"/new","permanent":true}\n]\n
 * ```
 */
export function serializeNext(rules: readonly RedirectRule[]): SerializedRedirects {
  const { entries, lost } = nextEntries(rules);
  const body = entries.map((entry) => `  ${JSON.stringify(entry)}`).join(',\n');
  return { text: entries.length === 0 ? '[]\n' : `[\n${body}\n]\n`, lost };
}

function nextEntries(rules: readonly RedirectRule[]): {
  entries: NextRedirectEntry[];
  lost: string[];
} {
  const lost: string[] = [];
  const entries: NextRedirectEntry[] = [];
  for (const [index, rule] of rules.entries()) {
    if (isTrailingSlashRule(rule)) continue;
    const entry = nextEntryOf(rule, index, lost);
    if (entry !== null) entries.push(entry);
  }
  return { entries, lost };
}

/** Escapes a value for a `has` regular expression, so it matches itself only. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

// Literal path text for a path-to-regexp source: its syntax characters escaped.
function escapePathText(text: string): string {
  return text.replace(/[:()*+?{}\\]/g, '\\$&');
}

// Path characters path-to-regexp would read as syntax in a destination, percent-encoded.
function escapeDestination(destination: string): string {
  const origin = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(destination)?.[0] ?? '';
  const rest = destination.slice(origin.length);
  const end = rest.search(/[?#]/);
  const path = end === -1 ? rest : rest.slice(0, end);
  const tail = end === -1 ? '' : rest.slice(end);
  const encoded = path.replace(
    /:([A-Za-z_][A-Za-z0-9_]*)([*+?])?|[(){}*+?]/g,
    (match, name: string | undefined) =>
      name !== undefined ? match : `%${match.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return origin + encoded + tail;
}
