import type { ConfigIssue, RedirectRule } from '@org/redirect-core/map';
import { chooseStatus } from '@org/redirect-core/status';
import { escapeRegExp, toNextDestination, toNextSource } from './next-pattern';
import type { NextRedirect, NextRouteHas } from './next-types';
import { checkCallback, mapOf, type RulesOrMap } from './rules-or-map';

/**
 * Redirect counts above which platforms refuse or degrade a Next.js build: Vercel accepts at most
 * 1,024 redirects and 2,048 routes (redirects, rewrites and headers together) per deployment.
 */
export const nextRedirectLimits = { redirects: 1024, routes: 2048 } as const;

/** A warning about generated redirects; the config still works on a self-hosted server. */
export interface NextRedirectWarning {
  readonly code: 'redirect-limit' | 'route-limit';
  readonly count: number;
  readonly limit: number;
  readonly message: string;
}

/** What {@link convertRedirectsForNext} returns. */
export interface NextRedirectConversion {
  readonly redirects: NextRedirect[];
  readonly warnings: NextRedirectWarning[];
}

/** Options of {@link toNextConfigRedirects}. */
export interface NextConfigRedirectsOptions {
  /**
   * Receives each warning (counts above the platform limits).
   * @default console.warn of the message
   */
  readonly onWarning?: (warning: NextRedirectWarning) => void;
}

/** Rules that `next.config` redirects cannot express. `issues` names each rule and field. */
export class NextRedirectConfigError extends Error {
  override readonly name = 'NextRedirectConfigError';
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map(
      (issue) =>
        `  rule ${issue.index + 1}${issue.line === undefined ? '' : ` (line ${issue.line})`}` +
        `${issue.field ? ` ${issue.field}` : ''}: ${issue.message}`,
    );
    super(
      `@org/redirect-next: ${issues.length} rule(s) cannot be written as next.config redirects; ` +
        `serve them with createRedirectProxy() in proxy.ts instead, or change them:\n${lines.join('\n')}`,
    );
    this.issues = issues;
  }
}

function convertRule(rule: RedirectRule, index: number, issues: ConfigIssue[]) {
  const problem = (field: string, message: string) => issues.push({ index, field, message });
  if (rule.serve !== undefined) {
    problem(
      'serve',
      `status ${rule.serve} is served by the host itself; next.config redirects cannot say it`,
    );
    return undefined;
  }
  if (rule.syntax === 'netlify') {
    problem(
      'syntax',
      "a rule read from Netlify keeps Netlify's meaning; convert the file with `redirects convert --to next` and check what it loses",
    );
    return undefined;
  }
  // Read from Next.js or Vercel: written back as read, so Next answers exactly as the map does.
  if (rule.syntax === 'next') return sameAsRead(rule);
  const source = toNextSource(rule.from);
  if (!source.ok) problem('from', source.message);
  if (rule.methods !== undefined) {
    problem('methods', 'next.config redirects apply to every method; drop `methods`');
  }
  if (rule.preserveQuery === false) {
    problem('preserveQuery', 'next.config redirects always pass the query string on');
  }
  if (rule.host?.includes(':')) {
    problem('host', 'Next.js matches the host name without its port; drop the port');
  }
  if (!source.ok) return undefined;
  const has: NextRouteHas[] = [];
  if (rule.host !== undefined)
    has.push({ type: 'host', value: escapeRegExp(rule.host.toLowerCase()) });
  for (const [key, value] of Object.entries(rule.query ?? {})) {
    has.push(
      value === true ? { type: 'query', key } : { type: 'query', key, value: escapeRegExp(value) },
    );
  }
  const status =
    rule.status ?? chooseStatus({ permanent: rule.permanent, preserveMethod: rule.preserveMethod });
  const base = {
    source: source.source,
    destination: toNextDestination(rule.to, source),
    ...(has.length > 0 ? { has } : {}),
  };
  // Next spells 308 and 307 `permanent`; the other codes need `statusCode`.
  const redirect: NextRedirect =
    status === 308 || status === 307
      ? { ...base, permanent: status === 308 }
      : { ...base, statusCode: status };
  return redirect;
}

function sameAsRead(rule: RedirectRule): NextRedirect {
  const status =
    rule.status ?? chooseStatus({ permanent: rule.permanent, preserveMethod: rule.preserveMethod });
  const base = {
    source: rule.from,
    destination: rule.to,
    ...(rule.has === undefined ? {} : { has: rule.has as NextRouteHas[] }),
    ...(rule.missing === undefined ? {} : { missing: rule.missing as NextRouteHas[] }),
  };
  return status === 308 || status === 307
    ? { ...base, permanent: status === 308 }
    : { ...base, statusCode: status };
}

// Next.js adds its own trailing-slash redirect; the copy a parsed file carries is left out.
function isNextOwnRule(rule: RedirectRule): boolean {
  return rule.syntax === 'next' && rule.from === '/:path+/' && rule.to === '/:path+';
}

function limitWarnings(count: number): NextRedirectWarning[] {
  const warnings: NextRedirectWarning[] = [];
  const advice =
    'Serve the map from proxy.ts with createRedirectProxy() from @org/redirect-next: one lookup per request, no limit.';
  if (count > nextRedirectLimits.redirects) {
    warnings.push({
      code: 'redirect-limit',
      count,
      limit: nextRedirectLimits.redirects,
      message: `@org/redirect-next: ${count} redirects exceed Vercel's limit of ${nextRedirectLimits.redirects} per deployment, and Next.js tests each config redirect in turn on every request. ${advice}`,
    });
  }
  if (count > nextRedirectLimits.routes) {
    warnings.push({
      code: 'route-limit',
      count,
      limit: nextRedirectLimits.routes,
      message: `@org/redirect-next: ${count} redirects exceed Vercel's limit of ${nextRedirectLimits.routes} routes per deployment. ${advice}`,
    });
  }
  return warnings;
}

/**
 * The `next.config` redirects for a redirect map, with warnings instead of side effects. See
 * {@link toNextConfigRedirects}.
 *
 * @throws {NextRedirectConfigError} when a rule cannot be expressed in `next.config`.
 */
export function convertRedirectsForNext(rulesOrMap: RulesOrMap): NextRedirectConversion {
  const map = mapOf(rulesOrMap);
  const issues: ConfigIssue[] = [];
  const redirects = map.rules.flatMap((rule, index) =>
    isNextOwnRule(rule) ? [] : (convertRule(rule, index, issues) ?? []),
  );
  if (issues.length > 0) throw new NextRedirectConfigError(issues);
  return { redirects, warnings: limitWarnings(redirects.length) };
}

/**
 * The array for `redirects()` in `next.config.ts`, with each rule's exact status: 308 and 307
 * through `permanent`, 301, 302 and 303 through `statusCode` (Next's `permanent: true` alone
 * always means 308). Patterns become Next's path-to-regexp syntax (`*` becomes `:splat*`), and
 * `host` and `query` conditions become `has` entries.
 *
 * Rules Next cannot express (`methods`, `preserveQuery: false`, a host with a port) throw a
 * {@link NextRedirectConfigError} listing every one. Above 1,024 rules it warns (through
 * `onWarning`): use {@link createRedirectProxy} for large maps.
 *
 * @example
 * ```ts
 * // next.config.ts
 * import type { NextConfig } from 'next';
 * import { toNextConfigRedirects } from '@org/redirect-next';
 * import { rules } from './redirects';
 *
 * export default {
 *   async redirects() {
 *     return toNextConfigRedirects(rules);
 *   },
 * } satisfies NextConfig;
 * ```
 * @see https://nextjs.org/docs/app/api-reference/config/next-config-js/redirects
 */
export function toNextConfigRedirects(
  rulesOrMap: RulesOrMap,
  options: NextConfigRedirectsOptions = {},
): NextRedirect[] {
  checkCallback('onWarning', options.onWarning);
  const { redirects, warnings } = convertRedirectsForNext(rulesOrMap);
  const onWarning = options.onWarning ?? ((warning) => console.warn(warning.message));
  for (const warning of warnings) onWarning(warning);
  return redirects;
}
