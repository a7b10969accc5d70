import type { RedirectRule } from '@org/redirect-core';

/** How two versions of a redirect map differ, rule by rule. */
export interface RuleDiff {
  /** Rules whose source (`from` with its conditions) is new. */
  readonly added: readonly RedirectRule[];
  /** Rules whose source is gone. */
  readonly removed: readonly RedirectRule[];
  /** Rules whose source stays and whose answer (destination, status...) changed. */
  readonly changed: readonly { readonly before: RedirectRule; readonly after: RedirectRule }[];
  /** How many rules are the same in both. */
  readonly unchanged: number;
}

// A rule's identity: what it matches. Everything else is what it answers.
const identity = (rule: RedirectRule) =>
  JSON.stringify([rule.from, rule.host ?? null, rule.query ?? null, rule.methods ?? null]);
const answer = (rule: RedirectRule) =>
  JSON.stringify([
    rule.to,
    rule.status ?? null,
    rule.permanent ?? null,
    rule.preserveMethod ?? null,
    rule.preserveQuery ?? null,
  ]);

/**
 * The rules added, removed and changed from `before` to `after`, matched by what they match
 * (`from`, `host`, `query`, `methods`). Order changes alone are not reported.
 *
 * @example
 * ```ts
 * diffRules([{ from: '/a', to: '/b' }], [{ from: '/a', to: '/c' }]).changed.length; // 1
 * ```
 */
export function diffRules(
  before: readonly RedirectRule[],
  after: readonly RedirectRule[],
): RuleDiff {
  const old = new Map<string, RedirectRule>();
  for (const rule of before) if (!old.has(identity(rule))) old.set(identity(rule), rule);
  const added: RedirectRule[] = [];
  const changed: { before: RedirectRule; after: RedirectRule }[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const rule of after) {
    const id = identity(rule);
    if (seen.has(id)) continue;
    seen.add(id);
    const previous = old.get(id);
    if (previous === undefined) added.push(rule);
    else if (answer(previous) !== answer(rule)) changed.push({ before: previous, after: rule });
    else unchanged++;
  }
  const removed = [...old].filter(([id]) => !seen.has(id)).map(([, rule]) => rule);
  return { added, removed, changed, unchanged };
}
