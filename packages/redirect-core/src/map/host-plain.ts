import { isHostRule } from './host-map';
import { checkRules } from './rules';
import type { Finding, RedirectRule, RuleOrigin } from './types';

/**
 * The rules of a host's file that the static analysis can follow, as plain rules with the
 * index each came from: redirects whose patterns are whole segments (`/a/:id`, `/docs/*`) and
 * whose conditions are a host or query. Rewrites, error pages, regular expressions and
 * header, cookie or language conditions are left out of the analysis (never of the map).
 * `null` when no rule needs a host's semantics.
 */
export function plainSubset(
  rules: readonly RedirectRule[],
  origins: readonly (RuleOrigin | undefined)[] | undefined,
): { rules: RedirectRule[]; indexes: number[]; origins: (RuleOrigin | undefined)[] } | null {
  if (!rules.some(isHostRule)) return null;
  const out: RedirectRule[] = [];
  const indexes: number[] = [];
  const kept: (RuleOrigin | undefined)[] = [];
  for (const [index, rule] of rules.entries()) {
    const plain = isHostRule(rule) ? approximate(rule) : rule;
    if (plain === null || checkRules([plain]).length > 0) continue;
    out.push(plain);
    indexes.push(index);
    kept.push(origins?.[index]);
  }
  return { rules: out, indexes, origins: kept };
}

const WHOLE = /^(?:[^:*()?+{}\\%]*|:[A-Za-z_][A-Za-z0-9_]*)$/;

function approximate(rule: RedirectRule): RedirectRule | null {
  // A scheme is left out: the analysis follows paths, hosts and queries.
  if (rule.serve !== undefined) return null;
  if (rule.conditions !== undefined || rule.has !== undefined || rule.missing !== undefined) {
    return null;
  }
  const segments = rule.from.split('/').slice(1);
  const from: string[] = [];
  for (const [position, segment] of segments.entries()) {
    const last = position === segments.length - 1;
    if (last && (segment === '*' || /^:[A-Za-z_][A-Za-z0-9_]*\*$/.test(segment))) {
      from.push(segment);
    } else if (WHOLE.test(segment) && !(segment === '' && !last)) from.push(segment);
    else return null;
  }
  let query: Record<string, string | true> | undefined;
  if (rule.query !== undefined) {
    query = Object.create(null) as Record<string, string | true>;
    for (const [key, value] of Object.entries(rule.query)) {
      if (value !== true && value.startsWith(':')) {
        if (rule.to.includes(value)) return null;
        query[key] = true;
      } else query[key] = value;
    }
  }
  const status = rule.status ?? (rule.permanent === false ? 307 : 308);
  return {
    from: `/${from.join('/')}`,
    to: rule.to.replace(/:([A-Za-z_][A-Za-z0-9_]*)\*/g, ':$1'),
    status,
    ...(rule.host === undefined ? {} : { host: rule.host }),
    ...(query === undefined ? {} : { query }),
  };
}

/**
 * A finding on the subset, with the indexes of the rules in the whole file. A fix is kept for
 * a Netlify rule, in Netlify's syntax; one worked out for a Next.js rule is dropped (its
 * approximation does not say what the source says).
 */
export function remapFinding(
  finding: Finding,
  indexes: readonly number[],
  rules: readonly RedirectRule[],
): Finding {
  const { fix, ...rest } = finding;
  const remapped = { ...rest, rules: finding.rules.map((index) => indexes[index] ?? index) };
  if (fix === undefined) return remapped;
  const index = indexes[fix.index] ?? fix.index;
  const original = rules[index];
  if (original?.syntax === 'next') return remapped;
  const rule =
    original?.syntax === 'netlify' ? { ...fix.rule, syntax: 'netlify' as const } : fix.rule;
  return { ...remapped, fix: { index, rule } };
}
