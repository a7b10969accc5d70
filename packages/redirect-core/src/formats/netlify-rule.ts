import type { NetlifyConditions, RedirectRule } from '../map/types';
import { isRedirectStatus } from '../status/status';

/** A Netlify redirect as its parser reads it, from a `_redirects` line or `netlify.toml`. */
export interface NetlifyEntry {
  readonly from: string;
  readonly to: string | undefined;
  /** As written: a number, `"301!"`, or absent (301). */
  readonly status: string | number | undefined;
  readonly force: boolean;
  /** Query conditions, by name (a Map, so `__proto__` is a name like any other). */
  readonly query: ReadonlyMap<string, string>;
  /** Conditions, by name as written (`Language`, `country`, `Cookie`...). */
  readonly conditions: ReadonlyMap<string, string | readonly string[]>;
}

/** What the map answers for an entry, and what `check` says about it. */
export type NetlifyRuleResult =
  | { readonly kind: 'rule'; readonly rule: RedirectRule; readonly notes: string[] }
  | { readonly kind: 'skip'; readonly note: string }
  | { readonly kind: 'error'; readonly field: string; readonly message: string };

const CONDITION_NAMES: Readonly<Record<string, keyof NetlifyConditions>> = {
  language: 'language',
  country: 'country',
  role: 'role',
  cookie: 'cookie',
};

/**
 * A Netlify entry as a rule with `syntax: 'netlify'`, refused only where Netlify's own parser
 * refuses it (no destination, a status that is not a number, a `/.netlify` path, a bad URL).
 * Rewrites, proxies, error pages and other statuses stay rules with `serve`, so they shadow
 * later rules as on Netlify.
 *
 * @see https://docs.netlify.com/routing/redirects/redirect-options/
 */
export function netlifyRule(entry: NetlifyEntry): NetlifyRuleResult {
  const notes: string[] = [];
  const status = entry.status === undefined ? 301 : Number.parseInt(String(entry.status), 10);
  if (!Number.isInteger(status)) {
    return {
      kind: 'error',
      field: 'status',
      message: `"${String(entry.status)}" is not a status; write a code such as 301, optionally followed by "!".`,
    };
  }
  let to = entry.to;
  if (to === undefined) {
    // A forward rule: `/blog/* 200` serves /blog/:splat.
    if (!(entry.from.endsWith('/*') && status >= 200 && status < 300)) {
      return {
        kind: 'error',
        field: 'to',
        message: 'the rule has no destination; write "from to [status]".',
      };
    }
    to = entry.from.replace(/\/\*$/, '/:splat');
  }
  let path = entry.from;
  let host: string | undefined;
  let scheme: 'http' | 'https' | undefined;
  if (/^https?:\/\//.test(entry.from)) {
    let url: URL;
    try {
      url = new URL(entry.from);
    } catch {
      return {
        kind: 'error',
        field: 'from',
        message: `"${entry.from}" is not a valid URL; write a path like /old or a URL like https://example.com/old.`,
      };
    }
    host = url.host.toLowerCase();
    scheme = url.protocol === 'http:' ? 'http' : 'https';
    path = url.pathname;
  }
  if (path.startsWith('/.netlify')) {
    return {
      kind: 'error',
      field: 'from',
      message: `"${entry.from}": paths under /.netlify are Netlify's own.`,
    };
  }
  if (!path.startsWith('/')) {
    return {
      kind: 'skip',
      note: `"${entry.from}" does not start with "/", so Netlify never matches it; it is left out.`,
    };
  }
  if (path.includes('#')) {
    notes.push(
      `"${entry.from}" has a "#": Netlify compares it with the decoded path, so only a request for ${path.replace('#', '%23')} matches.`,
    );
  }
  let query: Record<string, string> | undefined;
  if (entry.query.size > 0) {
    query = Object.create(null) as Record<string, string>;
    for (const [key, value] of entry.query) query[key] = value;
  }
  let conditions: Record<string, string[]> | undefined;
  for (const [name, raw] of entry.conditions) {
    const key = CONDITION_NAMES[name.toLowerCase()];
    if (key === undefined) {
      notes.push(
        `the condition ${name}=${String(raw)} is not one Netlify knows; it is ignored, as on Netlify.`,
      );
      continue;
    }
    const values = (
      Array.isArray(raw)
        ? raw
        : String(raw)
            .trim()
            .split(/\s*,\s*/)
    ).filter((value: string) => value !== '');
    conditions ??= Object.create(null) as Record<string, string[]>;
    conditions[key] = values;
    if (key === 'country' || key === 'role') {
      notes.push(
        `${name}=${values.join(',')} is decided by Netlify (geolocation, JWT role): the map answers "serve" and passes the request on.`,
      );
    }
  }
  const serve = !isRedirectStatus(status) || !isRuleRedirect(status);
  if (serve) {
    notes.push(
      status === 200
        ? `status 200 is a ${/^https?:/.test(to) ? 'proxy' : 'rewrite'}: Netlify serves ${to} itself; the map answers "serve" and passes the request on.`
        : `status ${status} is answered by Netlify itself; the map answers "serve" and passes the request on.`,
    );
  }
  const rule: RedirectRule = {
    from: path,
    to,
    syntax: 'netlify',
    ...(serve ? { serve: status } : { status: status as 301 }),
    ...(host === undefined ? {} : { host }),
    ...(scheme === undefined ? {} : { scheme }),
    ...(query === undefined ? {} : { query }),
    ...(conditions === undefined ? {} : { conditions }),
  };
  return { kind: 'rule', rule, notes };
}

function isRuleRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
