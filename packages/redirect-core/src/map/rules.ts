import * as z from 'zod/mini';
import type { RedirectStatus } from '../status/status';
import { inEnglish, lazySchema } from '../validation/lazy-schema';
import {
  decodeQueryComponent,
  type ParsedPattern,
  type PathOptions,
  parseDestination,
  parsePattern,
} from './pattern';
import { plainRuleShape } from './rule-shape';
import { ruleStatus } from './rule-status';
import type { ConfigIssue, RedirectMapOptions, RedirectRule } from './types';

const PREFIX = '@org/redirect-core';

/** The statuses a redirect rule may name: the five that send the client to another URL. */
export const ruleStatusCodes = [301, 302, 303, 307, 308] as const;

/** A status a redirect rule may name. */
export type RuleStatus = (typeof ruleStatusCodes)[number];

/** The fields of a rule, in the order messages list them. */
export const ruleFields = [
  'from',
  'to',
  'status',
  'permanent',
  'preserveMethod',
  'host',
  'query',
  'methods',
  'preserveQuery',
] as const;

/**
 * The fields a rule read from a host's file adds (see {@link RedirectRule}): how the host reads
 * it (`syntax`), what the host serves itself (`serve`), and the host's conditions. A JSON rules
 * file may hold them, so host rules survive a round trip through it.
 */
export const hostRuleFields = [
  'syntax',
  'serve',
  'scheme',
  'has',
  'missing',
  'conditions',
] as const;

const statusHints: Readonly<Record<number, string>> = {
  300: '300 Multiple Choices lets the client pick among several URLs; it does not redirect to one',
  304: '304 Not Modified answers a conditional request and has no Location',
  305: '305 Use Proxy is deprecated and ignored by clients',
  306: '306 is unused',
};

function statusMessage(input: unknown): string {
  const hint =
    typeof input === 'number' && statusHints[input] !== undefined
      ? `${statusHints[input]}; `
      : typeof input === 'number'
        ? `${input} is not a redirect status; `
        : '';
  return `${PREFIX}: ${hint}use status 301, 302, 303, 307 or 308, or say \`permanent: true|false\` and let the status be chosen.`;
}

// Linear on any input (each label starts after a "."), so a huge value cannot stall validation.
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?::\d{1,5})?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The shape of one redirect rule, as zod checks it. What the fields mean together (a valid
 * pattern, params of `to` captured by `from`, `status` or `permanent`) is checked by
 * {@link checkRules}.
 *
 * @see {@link RedirectRule}
 */
export const redirectRuleSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      from: z
        .string({ error: `${PREFIX}: write the source path as a string, such as "/old".` })
        .check(
          z.minLength(1, { error: `${PREFIX}: \`from\` is empty; write a path such as "/old".` }),
          z.maxLength(4096, {
            error: `${PREFIX}: \`from\` is longer than 4096 characters; shorten it.`,
          }),
        )
        .register(z.globalRegistry, {
          description:
            'The path to redirect: literal segments, `:name` for one segment, a trailing `*` or `:name*` for the rest.',
          examples: ['/old', '/blog/:slug', '/docs/*'],
        }),
      to: z
        .string({ error: `${PREFIX}: write the destination as a string, such as "/new".` })
        .check(
          z.minLength(1, { error: `${PREFIX}: \`to\` is empty; write a path or an absolute URL.` }),
          z.maxLength(8192, {
            error: `${PREFIX}: \`to\` is longer than 8192 characters; shorten it.`,
          }),
        )
        .register(z.globalRegistry, {
          description:
            'The destination: a path starting with "/" or an absolute http(s) URL; `:name` and `:splat` are substituted.',
          examples: ['/new', '/articles/:slug', 'https://docs.example.com/:splat'],
        }),
      status: z
        .optional(z.literal(ruleStatusCodes, { error: (issue) => statusMessage(issue.input) }))
        .register(z.globalRegistry, {
          description: 'The status code. Give either `status` or `permanent`.',
        }),
      permanent: z
        .optional(z.boolean({ error: `${PREFIX}: \`permanent\` must be true or false.` }))
        .register(z.globalRegistry, {
          description: 'The move is for good (308, or 301 with preserveMethod: false).',
        }),
      preserveMethod: z
        .optional(z.boolean({ error: `${PREFIX}: \`preserveMethod\` must be true or false.` }))
        .register(z.globalRegistry, {
          description: 'Keep the method and body (307/308). Default true.',
        }),
      host: z
        .optional(
          z.string({ error: `${PREFIX}: \`host\` must be a string, such as "example.com".` }).check(
            z.regex(HOST, {
              error: `${PREFIX}: \`host\` must be a host name with an optional port, such as "example.com" or "example.com:8080", without a scheme or path.`,
            }),
          ),
        )
        .register(z.globalRegistry, {
          description: 'Only requests for this host match (any case; a port only if given).',
        }),
      query: z
        .optional(
          z.record(
            z
              .string()
              .check(z.minLength(1, { error: `${PREFIX}: a \`query\` parameter name is empty.` })),
            z.union([z.string(), z.literal(true)]),
            {
              error: `${PREFIX}: \`query\` must map non-empty parameter names to a value, or to true for any value.`,
            },
          ),
        )
        .register(z.globalRegistry, {
          description: 'Only requests with these query parameters match.',
        }),
      methods: z
        .optional(
          z
            .array(
              z.string().check(
                z.regex(TOKEN, {
                  error: `${PREFIX}: a method in \`methods\` must be a token such as "GET" or "POST".`,
                }),
              ),
              { error: `${PREFIX}: \`methods\` must be a list such as ["GET", "POST"].` },
            )
            .check(
              z.minLength(1, {
                error: `${PREFIX}: \`methods\` is empty, so the rule never matches; remove it.`,
              }),
            ),
        )
        .register(z.globalRegistry, {
          description: 'Only requests with one of these methods match. HEAD matches GET.',
        }),
      preserveQuery: z
        .optional(z.boolean({ error: `${PREFIX}: \`preserveQuery\` must be true or false.` }))
        .register(z.globalRegistry, {
          description: "Carry the request's query to the destination. Default true.",
        }),
      ...hostRuleShape(),
    })
    .register(z.globalRegistry, { title: 'Redirect rule' }),
);

// The shape of the host-rule fields (types.ts: `HostSyntax`, `HostCondition`, `NetlifyConditions`).
function hostRuleShape() {
  const words = (field: string) =>
    z.optional(
      z.array(z.string(), {
        error: `${PREFIX}: \`conditions.${field}\` must be a list of strings.`,
      }),
    );
  const condition = z.strictObject(
    {
      type: z.enum(['header', 'cookie', 'query', 'host'], {
        error: `${PREFIX}: a condition's \`type\` is header, cookie, query or host.`,
      }),
      key: z.optional(z.string()),
      value: z.optional(z.string()),
    },
    { error: `${PREFIX}: a condition is an object { type, key?, value? }.` },
  );
  const conditions = (name: 'has' | 'missing', description: string) =>
    z
      .optional(
        z.array(condition, {
          error: `${PREFIX}: \`${name}\` must be a list of { type, key?, value? }.`,
        }),
      )
      .register(z.globalRegistry, { description });
  return {
    syntax: z
      .optional(
        z.enum(['netlify', 'next'], {
          error: `${PREFIX}: \`syntax\` must be "netlify" or "next".`,
        }),
      )
      .register(z.globalRegistry, {
        description:
          'Read `from` and fill `to` as this host does: "netlify" (_redirects, netlify.toml) or "next" (Next.js and Vercel path-to-regexp).',
      }),
    serve: z
      .optional(
        z
          .int({ error: `${PREFIX}: \`serve\` must be an HTTP status such as 200 or 404.` })
          .check(
            z.gte(100, { error: `${PREFIX}: \`serve\` must be an HTTP status (100-599).` }),
            z.lte(599, { error: `${PREFIX}: \`serve\` must be an HTTP status (100-599).` }),
          ),
      )
      .register(z.globalRegistry, {
        description:
          'The host answers with this status itself (a 200 rewrite or proxy, a 404 page): the map answers "serve".',
      }),
    scheme: z
      .optional(
        z.enum(['http', 'https'], { error: `${PREFIX}: \`scheme\` must be "http" or "https".` }),
      )
      .register(z.globalRegistry, {
        description: 'Only requests with this scheme match (a Netlify rule on https://host/...).',
      }),
    has: conditions(
      'has',
      'Next.js / Vercel `has`: every condition must hold (values are regular expressions).',
    ),
    missing: conditions('missing', 'Next.js / Vercel `missing`: no condition may hold.'),
    conditions: z
      .optional(
        z.strictObject(
          {
            language: words('language'),
            country: words('country'),
            role: words('role'),
            cookie: words('cookie'),
          },
          {
            error: `${PREFIX}: \`conditions\` is an object { language?, country?, role?, cookie? }.`,
          },
        ),
      )
      .register(z.globalRegistry, {
        description:
          'Netlify conditions: Language and Cookie are evaluated, Country and Role are decided by the host.',
      }),
  };
}

/**
 * A redirect map file in redirect-core's own JSON format: an array of rules, or
 * `{ "$schema": "...", "rules": [...] }` (built on first use).
 */
export const redirectMapFileSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .union([
      z.array(redirectRuleSchema),
      z.strictObject({ $schema: z.optional(z.string()), rules: z.array(redirectRuleSchema) }),
    ])
    .register(z.globalRegistry, {
      title: 'Redirect map',
      description: 'Redirect rules, first match wins.',
    }),
);

let arraySchema: z.ZodMiniArray<typeof redirectRuleSchema> | undefined;

/** What a request must have for a rule to apply, normalised for comparison. */
export interface RuleConditions {
  /** Lower-cased; with a port only if the rule gave one. */
  readonly host: string | null;
  readonly hostHasPort: boolean;
  /** Decoded names and values; `true` means any value. */
  readonly query: readonly (readonly [string, string | true])[] | null;
  /** Upper-cased methods; includes HEAD when GET is listed. */
  readonly methods: ReadonlySet<string> | null;
}

/** The conditions of a rule, or `null` when it has none. */
export function ruleConditions(rule: RedirectRule): RuleConditions | null {
  if (rule.host === undefined && rule.query === undefined && rule.methods === undefined) {
    return null;
  }
  let methods: Set<string> | null = null;
  if (rule.methods !== undefined) {
    methods = new Set(rule.methods.map((m) => m.toUpperCase()));
    if (methods.has('GET')) methods.add('HEAD');
  }
  const host = rule.host === undefined ? null : rule.host.toLowerCase();
  return {
    host,
    hostHasPort: host !== null && /:\d+$/.test(host),
    query:
      rule.query === undefined
        ? null
        : Object.entries(rule.query).map(
            ([k, v]) => [decodeQueryComponent(k), v === true ? true : v] as const,
          ),
    methods,
  };
}

/** A rule with its meaning worked out: what the matcher and the analysis use. */
export interface NormalizedRule {
  readonly status: RedirectStatus;
  readonly pattern: ParsedPattern;
  readonly conditions: RuleConditions | null;
  readonly preserveQuery: boolean;
}

/**
 * The meaning of a valid rule: its status (its `status`, or {@link chooseStatus} of its
 * `permanent` and `preserveMethod`; neither gives a temporary 307), parsed pattern and conditions.
 * Throws on a rule that {@link checkRules} would reject.
 *
 * @example
 * ```ts
 * normalizeRule({ from: '/a', to: '/b', permanent: true }).status; // 308
 * ```
 */
export function normalizeRule(rule: RedirectRule, options?: PathOptions): NormalizedRule {
  const pattern = parsePattern(rule.from, options);
  if (!pattern.ok) throw new TypeError(pattern.message);
  return {
    status: ruleStatus(rule),
    pattern: pattern.value,
    conditions: ruleConditions(rule),
    preserveQuery: rule.preserveQuery !== false,
  };
}

/** A {@link ConfigIssue} for rule `index`, with its line and file from `options.origins`. */
export function issueAt(
  options: RedirectMapOptions | undefined,
  index: number,
  field: string,
  message: string,
): ConfigIssue {
  const origin = index >= 0 ? options?.origins?.[index] : undefined;
  return {
    index,
    ...(origin?.line === undefined ? {} : { line: origin.line }),
    ...(origin?.file === undefined ? {} : { file: origin.file }),
    field,
    message,
  };
}

function zodIssues(
  error: z.core.$ZodError,
  options: RedirectMapOptions | undefined,
  into: ConfigIssue[],
): Set<number> {
  const bad = new Set<number>();
  for (const issue of error.issues) {
    const index = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
    const field = issue.path
      .slice(1)
      .map(String)
      .filter((part) => part !== '')
      .join('.');
    bad.add(index);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `${PREFIX}: unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys
        .map((k) => `"${k}"`)
        .join(
          ', ',
        )}; the fields are ${ruleFields.join(', ')} (and for host rules ${hostRuleFields.join(', ')}).`;
    } else if (!message.startsWith(PREFIX)) {
      message = `${PREFIX}: ${field === '' ? 'the rule' : `\`${field}\``}: ${message}.`;
      if (field === '') message += ' Write each rule as an object { from, to, ... }.';
    }
    into.push(issueAt(options, index, field, message));
  }
  return bad;
}

/**
 * Checks the shape of every rule with zod, reporting into `issues`. Returns the indexes of the
 * rules with a bad shape, or `null` when all are well formed.
 */
export function checkRuleShapes(
  rules: readonly unknown[],
  options: RedirectMapOptions | undefined,
  issues: ConfigIssue[],
): Set<number> | null {
  let bad: Set<number> | null = null;
  // zod checks only the rules the quick check cannot vouch for, with the same issues.
  const rest: number[] = [];
  for (let index = 0; index < rules.length; index++) {
    if (!plainRuleShape(rules[index])) rest.push(index);
  }
  // In chunks, so zod's parsed copies die young instead of filling the old generation.
  for (let start = 0; start < rest.length; start += SHAPE_CHUNK) {
    arraySchema ??= z.array(redirectRuleSchema);
    const indexes = rest.slice(start, start + SHAPE_CHUNK);
    const shape = arraySchema.safeParse(
      indexes.map((index) => rules[index]),
      inEnglish(),
    );
    if (shape.success) continue;
    for (const issue of shape.error.issues) {
      if (typeof issue.path[0] === 'number') issue.path[0] = indexes[issue.path[0]]!;
    }
    bad ??= new Set();
    for (const index of zodIssues(shape.error, options, issues)) bad.add(index);
  }
  return bad;
}

const SHAPE_CHUNK = 1024;

/**
 * Checks a list of rules and returns every problem at once (an empty list when the rules are
 * valid): the shape of each rule with zod, then what its fields mean together. Each issue names
 * the rule index, its line and file when `options.origins` has them, the field, and what to do.
 * Rules read from a host's file (`syntax` or `serve`) get the shape check here; their pattern
 * is read with the host's syntax by `createRedirectMap`, which throws on what the host refuses.
 *
 * @example
 * ```ts
 * checkRules([{ from: '/a/:id', to: '/b/:slug', status: 200 }]);
 * // [{ index: 0, field: 'status', message: '... 200 is not a redirect status ...' },
 * //  { index: 0, field: 'to', message: '... ":slug" ... not captured by `from` ...' }]
 * ```
 */
export function checkRules(rules: unknown, options?: RedirectMapOptions): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!Array.isArray(rules)) {
    issues.push(
      issueAt(options, -1, '', `${PREFIX}: the redirect rules must be an array of { from, to }.`),
    );
    return issues;
  }
  const badShape = checkRuleShapes(rules, options, issues);
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index] as RedirectRule;
    if (rule === null || typeof rule !== 'object') continue;
    // A host rule's `from` is in its host's syntax (`/about*`, `/:id(\\d+)`): createRedirectMap
    // reads it as the host does and reports what the host would refuse.
    if (rule.syntax !== undefined || rule.serve !== undefined) continue;
    checkRule(rule, index, options, issues, badShape);
  }
  if (issues.length > 1) issues.sort((a, b) => a.index - b.index);
  return issues;
}

/**
 * The meaning checks of one rule whose shape may be wrong: reports into `issues`, returns the
 * parsed pattern when `from` is valid.
 */
export function checkRule(
  rule: RedirectRule,
  index: number,
  options: RedirectMapOptions | undefined,
  issues: ConfigIssue[],
  badShape?: ReadonlySet<number> | null,
): ParsedPattern | null {
  const add = (field: string, message: string) =>
    issues.push(issueAt(options, index, field, message));
  if (rule.status !== undefined && rule.permanent !== undefined) {
    add(
      'status',
      `${PREFIX}: the rule has both \`status\` and \`permanent\`; keep one (status ${String(rule.status)}, or permanent: ${String(rule.permanent)}).`,
    );
  }
  if (rule.status !== undefined && rule.preserveMethod !== undefined) {
    add(
      'preserveMethod',
      `${PREFIX}: \`preserveMethod\` only applies with \`permanent\`; the status ${String(rule.status)} already says whether the method is kept. Remove one.`,
    );
  }
  let pattern: ParsedPattern | null = null;
  if (typeof rule.from === 'string' && rule.from !== '') {
    const parsed = parsePattern(rule.from, options);
    if (parsed.ok) pattern = parsed.value;
    else add('from', parsed.message);
  }
  if (
    typeof rule.to === 'string' &&
    rule.to !== '' &&
    !(badShape?.has(index) && rule.to.length > 8192)
  ) {
    const to = parseDestination(rule.to);
    if (!to.ok) add('to', to.message);
    else if (pattern !== null) {
      for (const name of to.value.params) {
        if (!pattern.params.includes(name)) {
          add(
            'to',
            `${PREFIX}: \`to\` uses ":${name}" but \`from\` does not capture it; ${
              pattern.params.length === 0
                ? 'add ":name" or "*" to `from`, or remove it from `to`'
                : `\`from\` captures ${pattern.params.map((p) => `":${p}"`).join(', ')}`
            }.`,
          );
        }
      }
    }
  }
  return pattern;
}
