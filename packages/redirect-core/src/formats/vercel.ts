import { z } from 'zod';
import { parsePattern } from '../map/pattern';
import { ruleStatus } from '../map/rule-status';
import type { RedirectRule, RuleOrigin } from '../map/types';
import { RedirectParseError } from './errors';
import { IssueList, settle } from './issues';
import { elementLines, parseJsonText } from './json-text';
import { lostConditions } from './lost-conditions';
import type { ParsedRedirects, ParseOptions, SerializedRedirects } from './types';
import { describeZodIssues } from './zod-issues';

const fields = [
  'source',
  'destination',
  'permanent',
  'statusCode',
  'has',
  'missing',
  'basePath',
  'locale',
];

const conditionSchema = z.object({
  type: z.enum(['host', 'header', 'cookie', 'query'], {
    error: 'type must be "host", "header", "cookie" or "query".',
  }),
  key: z.string().optional(),
  value: z.string().optional(),
});

const entrySchema = z.strictObject({
  source: z.string({ error: 'write the source path as a string, such as "/old/:slug".' }),
  destination: z.string({ error: 'write the destination as a string, such as "/new/:slug".' }),
  permanent: z.boolean({ error: 'permanent must be true or false.' }).optional(),
  statusCode: z
    .literal([301, 302, 303, 307, 308], { error: 'statusCode must be 301, 302, 303, 307 or 308.' })
    .optional(),
  has: z.array(conditionSchema).optional(),
  missing: z.array(conditionSchema).optional(),
  basePath: z.literal(false).optional(),
  locale: z.literal(false).optional(),
});

type Entry = z.infer<typeof entrySchema>;

const fileSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({ redirects: z.array(z.unknown()) }),
]);

// Characters that make a `has` value a regular expression rather than a plain value.
const REGEX_CHARS = /[()[\]{}*+?^$|\\]/;

/**
 * Reads Vercel / Next.js redirects as JSON: an array of `{ source, destination, permanent |
 * statusCode, has? }` (what `redirects()` in next.config returns), or a `vercel.json` object
 * with a `redirects` array. `permanent: true` is 308 and `false` is 307, as in Next.js.
 *
 * `has` conditions on `host` and `query` with plain values become `host` and `query`
 * conditions. What a redirect map cannot express is a {@link RedirectParseError} naming the
 * line: regex groups such as `:id(\\d+)`, optional or repeated params (`:a?`, `:a+`), params
 * inside a segment, `header`/`cookie` conditions and `missing`.
 *
 * @example
 * ```ts
 * parseVercel('[{ "source": "/blog/:slug*", "destination": "/news/:slug*", "permanent": true }]');
 * // rules: [{ from: '/blog/:slug*', to: '/news/:slug*', permanent: true }]
 * ```
 * @see https://nextjs.org/docs/app/api-reference/config/next-config-js/redirects
 */
export function parseVercel(text: string, options: ParseOptions = {}): ParsedRedirects {
  const data = parseJsonText(text, 'vercel', options.file);
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    throw new RedirectParseError('vercel', [
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
  const items = Array.isArray(file.data) ? file.data : file.data.redirects;
  const lines = elementLines(text, ['redirects']);
  const issues = new IssueList(options.file);
  const rules: RedirectRule[] = [];
  const origins: RuleOrigin[] = [];
  const warnings: string[] = [];
  for (const [index, item] of items.entries()) {
    const line = lines[index];
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      for (const [field, message] of describeZodIssues(parsed.error, fields)) {
        issues.add(index, line, field, message);
      }
      continue;
    }
    const problems: [string, string][] = [];
    const rule = toRule(parsed.data, problems, (warning) =>
      warnings.push(`${line === undefined ? `redirect ${index}` : `line ${line}`}: ${warning}`),
    );
    if (problems.length > 0 || rule === null) {
      for (const [field, message] of problems) issues.add(index, line, field, message);
      continue;
    }
    rules.push(rule);
    origins.push({
      ...(options.file === undefined ? {} : { file: options.file }),
      line: line ?? 1,
    });
  }
  settle('vercel', issues, warnings, options);
  return { rules, origins, warnings };
}

function toRule(
  entry: Entry,
  problems: [string, string][],
  warn: (message: string) => void,
): RedirectRule | null {
  const from = convertSource(entry.source, problems);
  if (entry.permanent === undefined && entry.statusCode === undefined) {
    problems.push(['permanent', 'add "permanent": true (308) or false (307), or a "statusCode".']);
  }
  if (entry.permanent !== undefined && entry.statusCode !== undefined) {
    warn(`both "permanent" and "statusCode"; statusCode ${entry.statusCode} wins.`);
  }
  if (entry.basePath === false)
    warn('"basePath": false is ignored; the source is matched as written.');
  if (entry.locale === false) warn('"locale": false is ignored; the source is matched as written.');
  if (entry.missing !== undefined && entry.missing.length > 0) {
    problems.push([
      'missing',
      '"missing" conditions cannot be expressed in a redirect map; remove them or split the redirect.',
    ]);
  }
  let host: string | undefined;
  const query: Record<string, string | true> = {};
  for (const [position, condition] of (entry.has ?? []).entries()) {
    const field = `has.${position}`;
    const raw = condition.value;
    if (raw !== undefined && REGEX_CHARS.test(raw.replace(/\\./g, ''))) {
      problems.push([
        field,
        `the value "${raw}" is a regular expression; a redirect map only matches plain values.`,
      ]);
      continue;
    }
    // An escaped character (`\\?`) stands for itself.
    const value = raw?.replace(/\\(.)/g, '$1');
    if (condition.type === 'host') {
      if (value === undefined)
        problems.push([field, 'a "host" condition needs a "value", such as "example.com".']);
      else host = value;
    } else if (condition.type === 'query') {
      if (condition.key === undefined || condition.key === '') {
        problems.push([field, 'a "query" condition needs a "key".']);
      } else {
        query[condition.key] = value ?? true;
      }
    } else {
      problems.push([
        field,
        `"${condition.type}" conditions cannot be expressed in a redirect map; only "host" and "query" can.`,
      ]);
    }
  }
  if (problems.length > 0 || from === null) return null;
  return {
    from,
    to: entry.destination,
    ...(entry.statusCode !== undefined
      ? { status: entry.statusCode }
      : { permanent: entry.permanent === true }),
    ...(host === undefined ? {} : { host }),
    ...(Object.keys(query).length === 0 ? {} : { query }),
  };
}

/** A path-to-regexp source as a redirect-core pattern, or `null` with the reason in `problems`. */
function convertSource(source: string, problems: [string, string][]): string | null {
  if (!source.startsWith('/')) {
    problems.push(['source', `"${source}" must start with "/".`]);
    return null;
  }
  const segments = source.slice(1).split('/');
  const out: string[] = [];
  for (const [position, segment] of segments.entries()) {
    const last = position === segments.length - 1;
    const param = /^:([A-Za-z_][A-Za-z0-9_]*)(.*)$/.exec(segment);
    if (param !== null) {
      const name = param[1]!;
      const suffix = param[2]!;
      if (suffix === '') out.push(`:${name}`);
      else if ((suffix === '*' || suffix === '(.*)') && last) out.push(`:${name}*`);
      else if (suffix === '+' || suffix === '(.+)') {
        problems.push([
          'source',
          `":${name}${suffix}" needs at least one segment, which a redirect map cannot say; use ":${name}*" (zero or more) if that is fine, or add a rule per form.`,
        ]);
      } else if (suffix === '?') {
        problems.push([
          'source',
          `":${name}?" is optional; write two redirects, one with and one without the segment.`,
        ]);
      } else if (suffix.startsWith('(')) {
        problems.push([
          'source',
          `":${name}${suffix}" constrains the param with a regular expression, which a redirect map cannot express; use ":${name}" or list the values as exact paths.`,
        ]);
      } else if (suffix === '*') {
        problems.push(['source', `":${name}*" must be the last segment of the source.`]);
      } else {
        problems.push([
          'source',
          `"${segment}": a param must be a whole segment; a redirect map cannot match "${suffix}" after it.`,
        ]);
      }
      continue;
    }
    if (/[:()*+?{}]/.test(segment.replace(/\\./g, ''))) {
      problems.push([
        'source',
        `"${segment}" uses path-to-regexp syntax (a regular expression group, or a param inside a segment) that a redirect map cannot express; use whole-segment ":name" params.`,
      ]);
      continue;
    }
    out.push(segment.replace(/\\(.)/g, '$1'));
  }
  if (problems.length > 0) return null;
  return `/${out.join('/')}`;
}

/**
 * Writes rules as a `vercel.json` object `{ "redirects": [...] }` that Next.js `redirects()`
 * also accepts. 308 and 307 are written as `permanent`, other codes as `statusCode`; `host` and
 * `query` become `has` conditions. Method conditions, `preserveQuery: false`, and the count
 * limit of vercel.json are reported in `lost`.
 *
 * @example
 * ```ts
 * serializeVercel([{ from: '/docs/*', to: '/guide/:splat', status: 301 }]).text;
 * // { "redirects": [ { "source": "/docs/:splat*", "destination": "/guide/:splat*", "statusCode": 301 } ] }
 * ```
 */
export function serializeVercel(rules: readonly RedirectRule[]): SerializedRedirects {
  const lost: string[] = [];
  if (rules.length > 1024) {
    lost.push(
      `${rules.length} redirects: vercel.json accepts at most 1,024 to 2,048 redirects depending on the plan; serve a map this size from middleware instead.`,
    );
  }
  const entries = rules.map((rule, index) => {
    const parsed = parsePattern(rule.from);
    const splats = parsed.ok
      ? parsed.value.segments
          .filter((segment) => segment.kind === 'splat')
          .map((segment) => segment.name)
      : [];
    const source = rule.from
      .split('/')
      .map((segment) => {
        if (segment === '*') return ':splat*';
        if (/^:[A-Za-z_][A-Za-z0-9_]*\*?$/.test(segment)) return segment;
        return segment.replace(/[:()*+?{}\\]/g, '\\$&');
      })
      .join('/');
    let destination = rule.to;
    for (const name of splats) {
      destination = destination.replace(new RegExp(`:${name}(?![A-Za-z0-9_*])`, 'g'), `:${name}*`);
    }
    const status = ruleStatus(rule);
    const has: { type: string; key?: string; value?: string }[] = [];
    if (rule.host !== undefined) has.push({ type: 'host', value: rule.host });
    for (const [key, value] of Object.entries(rule.query ?? {})) {
      has.push(
        value === true
          ? { type: 'query', key }
          : { type: 'query', key, value: escapeRegExp(value) },
      );
    }
    lost.push(...lostConditions(rule, index, 'Vercel'));
    return {
      source,
      destination,
      ...(status === 308
        ? { permanent: true }
        : status === 307
          ? { permanent: false }
          : { statusCode: status }),
      ...(has.length === 0 ? {} : { has }),
    };
  });
  const body = entries.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n');
  return {
    text: entries.length === 0 ? '{ "redirects": [] }\n' : `{\n  "redirects": [\n${body}\n  ]\n}\n`,
    lost,
  };
}

function escapeRegExp(value: string): string {
  return value.replace(/[()[\]{}*+?^$|\\]/g, '\\$&');
}
