import {
  type Finding,
  type NormalizedRule,
  normalizeRule,
  type RedirectRule,
} from '@org/redirect-core/map';

/**
 * Whether collapsing a chain keeps every answer, shown symbolically: the destination of the
 * first rule is followed as a template (literal segments, the rule's `:params` and splat), and
 * each hop must be answered by the next rule of the chain for every value those can take, with
 * the same method, host, query and permanence, until the last destination, which no rule may
 * answer. Anything the argument cannot cover (a condition on a later hop, a destination that
 * mixes a param with text, an earlier rule that could answer some of the values) stops it: the
 * fix stays a suggestion, with the reason.
 */

/** What becomes of one chain finding's fix. */
export type FixDecision =
  | { readonly kind: 'apply'; readonly index: number; readonly rule: RedirectRule }
  | {
      readonly kind: 'suggest';
      readonly index: number;
      /** Core's suggested rule, when it has one. */
      readonly rule: RedirectRule | undefined;
      readonly reason: string;
    };

/** One item of a destination followed through the chain. */
type Item =
  | { readonly kind: 'literal'; readonly text: string }
  /** A value of the first rule: `token` is how it is written in `to` (`:slug`, `:path*`). */
  | { readonly kind: 'param' | 'splat'; readonly name: string; readonly token: string };

interface Template {
  /** `https://host` for an absolute destination, `''` for a path on the request's host. */
  readonly origin: string;
  readonly items: readonly Item[];
  /** `?query#fragment` as written, or `''`. */
  readonly tail: string;
  /** An absolute destination written without a path (`https://host`). */
  readonly bare: boolean;
}

/** Methods that stand for every method: the ones a redirect status rewrites, and any other. */
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'QUERYX'] as const;
const permanent = new Set([301, 308]);

/**
 * Decides, for each chain finding with a fix (the first per rule), whether the collapsed rule
 * can be written: `apply` with the rule to write, or `suggest` with why not.
 */
export function decideFixes(
  rules: readonly RedirectRule[],
  findings: readonly Finding[],
  options: {
    /** How the map compares paths (the parsed file's options). */
    readonly caseSensitive?: boolean;
    /** How a message names a rule. */
    readonly label?: (index: number) => string;
  } = {},
): FixDecision[] {
  const label = options.label ?? ((index: number) => `rule ${index + 1} (${rules[index]?.from})`);
  const caseSensitive = options.caseSensitive === true;
  // Next.js's own trailing-slash redirect (core's `next` format puts it first): it answers only
  // paths that end in "/", so the proof checks that instead of reading its pattern.
  const slashRule = rules.findIndex(isNextTrailingSlash);
  const odd = rules.findIndex((rule, index) => index !== slashRule && !modelled(rule));
  const normalized =
    odd === -1 ? rules.map((rule, index) => normalizeRule(index === slashRule ? NEVER : rule)) : [];
  const served = new Set<string>();
  for (const rule of normalized) if (rule.conditions?.host) served.add(rule.conditions.host);
  const decisions: FixDecision[] = [];
  const seen = new Set<number>();
  for (const finding of findings) {
    // A host's file gets chain findings without a `fix` (core worked them out on plain
    // approximations): the proof below works on the file's own rules either way.
    const start = finding.rules[0];
    if (finding.kind !== 'chain' || start === undefined || seen.has(start)) continue;
    seen.add(start);
    const index = start;
    const proof =
      odd !== -1
        ? `${label(odd)} is written in a way the fix cannot follow (${rules[odd]!.from})`
        : finding.rules.includes(slashRule)
          ? `${label(slashRule)} is Next.js's own trailing-slash redirect, which the fix does not rewrite`
          : proveCollapse(
              { rules, normalized, served, label, caseSensitive, slashRule },
              finding.rules,
            );
    if (typeof proof === 'string') {
      decisions.push({ kind: 'suggest', index, rule: finding.fix?.rule, reason: proof });
    } else decisions.push({ kind: 'apply', index, rule: proof });
  }
  return decisions;
}

interface Context {
  readonly rules: readonly RedirectRule[];
  readonly normalized: readonly NormalizedRule[];
  readonly served: ReadonlySet<string>;
  /** How a message names a rule. */
  readonly label: (index: number) => string;
  readonly caseSensitive: boolean;
  /** Index of Next.js's own trailing-slash redirect, -1 when the rules have none. */
  readonly slashRule?: number;
}

/** Stands in for Next.js's trailing-slash redirect where a core pattern is needed: its literals. */
export const NEVER: RedirectRule = { from: '/', to: '/', status: 308 };

/** Whether `rule` is Next.js's own redirect of "/a/" to "/a", as core's `next` format reads it. */
export function isNextTrailingSlash(rule: RedirectRule): boolean {
  return (
    rule.syntax === 'next' &&
    rule.from === '/:path+/' &&
    rule.to === '/:path+' &&
    rule.status === 308
  );
}

// The fields whose meaning the proof knows; a hop with any other (a rewrite's `serve`, Next.js
// `has` / `missing`) is not followed.
const known = new Set([
  'from',
  'to',
  'status',
  'permanent',
  'preserveMethod',
  'host',
  'query',
  'methods',
  'preserveQuery',
  'syntax',
]);
// A host-syntax `from` the proof reads like core's: whole literal, `:name` and last-`*` segments.
const LITERAL = String.raw`[^/:*?#%\s()[\]{}+^$|\\]+`;
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PLAIN = new RegExp(
  `^/?(?:${LITERAL}|:${NAME})?(?:/(?:${LITERAL}|:${NAME}))*(?:/\\*|/:${NAME}\\*)?/?$`,
);

/** Whether the proof can read `rule`'s pattern: core syntax, or host syntax kept plain. */
function modelled(rule: RedirectRule): boolean {
  const syntax = (rule as { syntax?: string }).syntax;
  if (syntax === undefined) return true;
  return PLAIN.test(rule.from);
}

/** The collapsed rule for the chain `path` (rule indexes), or why it cannot be shown safe. */
export function proveCollapse(context: Context, path: readonly number[]): RedirectRule | string {
  const { rules, normalized, served } = context;
  const name = context.label;
  const startIndex = path[0];
  if (startIndex === undefined || path.length < 2) return 'not a chain';
  if (path.length >= 24) return 'the chain is too long to follow symbolically';
  const start = rules[startIndex]!;
  const first = normalized[startIndex]!;
  const names = new Map<string, 'param' | 'splat'>();
  for (const segment of first.pattern.segments) {
    if (segment.kind !== 'literal') names.set(segment.name, segment.kind);
  }
  let template = parseTemplate(start.to, names);
  if (typeof template === 'string') return template;
  const initial = template;
  // The host of the request at each hop: the first rule's host condition, or any host.
  let host: string | null = first.conditions?.host ?? null;
  let keepsQuery = first.preserveQuery;
  const statusClass = permanent.has(first.status);
  // Each method the first rule answers, and what it has become at the current hop.
  const allowed = first.conditions?.methods;
  let current: (readonly [string, string])[] = methods
    .filter((m) => allowed == null || allowed.has(m))
    .map((m) => [m, nextMethod(m, first.status)] as const);
  if (allowed != null) {
    for (const m of allowed) {
      if (!current.some(([from]) => from === m)) current.push([m, nextMethod(m, first.status)]);
    }
  }
  const after = new Map(current);

  for (let hop = 1; hop < path.length; hop += 1) {
    const index = path[hop]!;
    const rule = normalized[index]!;
    const label = name(index);
    const extra = Object.keys(rules[index]!).find((key) => !known.has(key));
    if (extra !== undefined) return `${label} has "${extra}", which the fix does not follow`;
    if (template.tail !== '') return `a destination before the last hop has a query or fragment`;
    if (template.origin !== '') {
      const to = hostOf(template.origin);
      if (to === null || !served.has(to)) return `the chain leaves the site before ${label}`;
      host = to;
    }
    if (permanent.has(rule.status) !== statusClass) {
      return 'the chain mixes permanent and temporary redirects';
    }
    const earlier = firstOverlap(context, template, host, index);
    if (earlier !== -1) {
      return `${name(earlier)} may answer some of the requests that reach ${label}`;
    }
    const c = rule.conditions;
    if (c?.host != null && c.host !== host) return `${label} answers only the host ${c.host}`;
    if (c?.query != null && c.query.length > 0) return `${label} has query conditions`;
    if (c?.methods != null) {
      for (const [, method] of current) {
        if (!c.methods.has(method)) return `${label} answers only ${[...c.methods].join(', ')}`;
      }
    }
    const captures = cover(rule, template.items, context.caseSensitive);
    if (typeof captures === 'string') return `${label} ${captures}`;
    const next = parseTemplate(rules[index]!.to, null, captures);
    if (typeof next === 'string') return `${label}: ${next}`;
    // A path destination stays on the host the request was for.
    template = next.origin === '' ? { ...next, origin: template.origin } : next;
    keepsQuery = keepsQuery && rule.preserveQuery;
    current = current.map(([from, method]) => [from, nextMethod(method, rule.status)] as const);
    for (const [from, method] of current) {
      if (after.get(from) !== method) return `the method changes again at ${label}`;
    }
  }
  // The last destination must leave the map: no rule may answer any of its values.
  const to = template.origin === '' ? host : hostOf(template.origin);
  if (template.origin === '' || (to !== null && served.has(to))) {
    const again = firstOverlap(context, template, to, Number.POSITIVE_INFINITY);
    if (again !== -1) {
      return `${name(again)} may answer the final destination`;
    }
  }
  // A rule refuses a request whose values would make a bad Location (the open-redirect guard):
  // the collapsed rule must refuse exactly what the first one does, so it substitutes the same
  // values, and none first in the path unless the first rule did too.
  const used = (t: Template) =>
    t.items
      .flatMap((item) => (item.kind === 'literal' ? [] : [item.name]))
      .sort()
      .join(',');
  if (used(template) !== used(initial)) {
    return 'the collapsed destination would not use the same values, so it would refuse other requests';
  }
  const lead = (t: Template) => {
    const item = t.origin === '' ? t.items[0] : undefined;
    return item === undefined || item.kind === 'literal' ? '' : item.name;
  };
  if (lead(template) !== '' && lead(template) !== lead(initial)) {
    return 'the collapsed destination would start with a value, which the guard reads differently';
  }
  const collapsed: RedirectRule = { ...start, to: render(template) };
  if (!keepsQuery && first.preserveQuery) return { ...collapsed, preserveQuery: false };
  return collapsed;
}

function nextMethod(method: string, status: number): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;
const WHOLE = /^:([A-Za-z_][A-Za-z0-9_]*)(\*?)$/;

/**
 * A destination as a template. With `names` (the first rule), `:name` segments become its
 * params; with `captures` (a later hop), they are replaced by what that hop captured.
 */
function parseTemplate(
  to: string,
  names: ReadonlyMap<string, 'param' | 'splat'> | null,
  captures?: ReadonlyMap<string, readonly Item[]>,
): Template | string {
  const scheme = SCHEME.exec(to);
  const origin = scheme ? scheme[0] : '';
  const rest = to.slice(origin.length);
  const cut = rest.search(/[?#]/);
  const path = cut === -1 ? rest : rest.slice(0, cut);
  const tail = cut === -1 ? '' : rest.slice(cut);
  if (/:[A-Za-z_]/.test(tail)) return 'its destination has params in the query or fragment';
  if (path !== '' && !path.startsWith('/')) return 'its destination is not a path';
  const segments = path === '' || path === '/' ? [] : path.slice(1).split('/');
  // One trailing slash is ignored by the matcher; keep the text only when nothing follows.
  if (segments.at(-1) === '' && segments.length > 0) return 'its destination ends with "/"';
  const items: Item[] = [];
  for (const segment of segments) {
    const whole = WHOLE.exec(segment);
    if (whole === null) {
      if (/(^|[^A-Za-z0-9]):[A-Za-z_]/.test(segment)) {
        return 'its destination mixes a param with other text in one segment';
      }
      if (segment === '') return 'its destination has an empty segment';
      items.push({ kind: 'literal', text: segment });
      continue;
    }
    const name = whole[1]!;
    if (captures) {
      const captured = captures.get(name);
      if (captured === undefined) return `its destination uses :${name}, which it does not capture`;
      // An empty splat leaves its "/" in the Location (`/d/:splat` is `/d/`).
      if (captured.length === 0) items.push({ kind: 'literal', text: '' });
      items.push(...captured);
    } else {
      const kind = names?.get(name);
      if (kind === undefined) return `its destination uses :${name}, which it does not capture`;
      items.push({ kind, name, token: segment });
    }
  }
  if (
    items.some((item, i) => item.kind === 'literal' && item.text === '' && i < items.length - 1)
  ) {
    return 'its destination would have an empty segment';
  }
  const splat = items.findIndex((item) => item.kind === 'splat');
  if (splat !== -1 && splat !== items.length - 1) {
    return 'its destination has a splat before other segments';
  }
  return { origin, items, tail, bare: path === '' };
}

function render(template: Template): string {
  const path = template.items.map((item) => (item.kind === 'literal' ? item.text : item.token));
  const text = path.length === 0 ? (template.bare ? '' : '/') : `/${path.join('/')}`;
  return `${template.origin}${text}${template.tail}`;
}

/** A literal segment as the matcher compares it: decoded, and lower-cased unless case counts. */
function fold(text: string, caseSensitive: boolean): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // Kept as written: the matcher does not decode it either.
  }
  return caseSensitive ? decoded : decoded.toLowerCase();
}

/**
 * What each param of `rule` captures when it matches every path of `items`, or why it does not
 * match them all.
 */
function cover(
  rule: NormalizedRule,
  all: readonly Item[],
  caseSensitive: boolean,
): Map<string, Item[]> | string {
  const items = withoutTrailingSlash(all);
  const captures = new Map<string, Item[]>();
  const segments = rule.pattern.segments;
  let i = 0;
  for (const segment of segments) {
    if (segment.kind === 'splat') {
      const rest = items.slice(i);
      // `/x/:splat` with an empty splat is `/x/`, which the matcher reads as `/x`: a splat may
      // only be passed on whole.
      if (rest.some((item) => item.kind === 'splat') && rest.length > 1) {
        return 'does not take the splat whole';
      }
      captures.set(segment.name, rest);
      return captures;
    }
    const item = items[i];
    if (item === undefined || item.kind === 'splat') return 'does not match every value';
    if (segment.kind === 'literal') {
      if (
        item.kind !== 'literal' ||
        fold(item.text, caseSensitive) !== fold(segment.value, caseSensitive)
      ) {
        return 'does not match every value';
      }
    } else captures.set(segment.name, [item]);
    i += 1;
  }
  return i === items.length ? captures : 'does not match every value';
}

/**
 * The first rule before `before` whose pattern can match a path of `template` on `host`
 * (`null`: any host), ignoring its method and query conditions; -1 when none can.
 */
function firstOverlap(
  context: Context,
  template: Template,
  host: string | null,
  before: number,
): number {
  const { normalized } = context;
  const end = Math.min(before, normalized.length);
  const slashRule = context.slashRule ?? -1;
  // Next.js's trailing-slash redirect answers a path that ends in "/" (and is not "/").
  if (slashRule !== -1 && slashRule < end && endsWithSlash(template)) return slashRule;
  for (let index = 0; index < end; index += 1) {
    if (index === slashRule) continue;
    const rule = normalized[index]!;
    const ruleHost = rule.conditions?.host ?? null;
    if (ruleHost !== null && host !== null && ruleHost !== host) continue;
    if (overlaps(template.items, rule.pattern.segments, context.caseSensitive)) return index;
  }
  return -1;
}

type Token = 'one' | 'many' | { readonly text: string };

/** Whether some path matches both token lists (a splat is any number of segments). */
function overlaps(
  items: readonly Item[],
  segments: readonly NormalizedRule['pattern']['segments'][number][],
  caseSensitive: boolean,
): boolean {
  const a: Token[] = withoutTrailingSlash(items).map((item) =>
    item.kind === 'literal'
      ? { text: fold(item.text, caseSensitive) }
      : item.kind === 'param'
        ? 'one'
        : 'many',
  );
  const b: Token[] = segments.map((segment) =>
    segment.kind === 'literal'
      ? { text: fold(segment.value, caseSensitive) }
      : segment.kind === 'param'
        ? 'one'
        : 'many',
  );
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (b.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (a[i] === 'many') result = go(i + 1, j) || (j < b.length && go(i, j + 1));
    else if (b[j] === 'many') result = go(i, j + 1) || (i < a.length && go(i + 1, j));
    else if (i === a.length || j === b.length) result = false;
    else result = compatible(a[i]!, b[j]!) && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

function compatible(x: Token, y: Token): boolean {
  if (x === 'one') return y === 'one' || (typeof y === 'object' && y.text !== '');
  if (y === 'one') return typeof x === 'object' && x.text !== '';
  return typeof x === 'object' && typeof y === 'object' && x.text === y.text;
}

// The matcher reads `/d/` as `/d`: a trailing empty segment matches as nothing.
function withoutTrailingSlash(items: readonly Item[]): readonly Item[] {
  const last = items.at(-1);
  return last?.kind === 'literal' && last.text === '' ? items.slice(0, -1) : items;
}

// Whether a path of `template` may end in "/" after at least one segment.
function endsWithSlash(template: Template): boolean {
  const last = template.items.at(-1);
  if (last === undefined) return false;
  // A value never ends in "/": a request path that did was answered by that redirect first.
  return last.kind === 'literal' && last.text === '' && template.items.length > 1;
}
