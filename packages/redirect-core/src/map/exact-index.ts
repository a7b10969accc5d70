import type { MatchResult, RedirectRule } from './types';

// A `from` that is a valid exact path on its own (no param, splat, "%" or empty segment), and
// a `to` that is a valid destination without params: checked without building a pattern.
const SIMPLE_FROM = /^(?=\/)(?:\/[A-Za-z0-9._~!$&'()+,;=@-]+)*\/?$/;
const SIMPLE_TO =
  /^(?:\/(?!\/)|https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?=[/?#]|$))[A-Za-z0-9._~!$&'()*+,;=@/?#-]*$/;

/** Rules that share an exact path, or an exact path that an earlier pattern also matches. */
export class ExactSlot {
  constructor(
    /** Rule indexes with this exact path, in order. */
    readonly rules: number[],
    /** The first pattern rule that matches this path (ignoring conditions), or Infinity. */
    public shadow: number,
  ) {}
}

/**
 * Exact paths by key: a rule alone on its path as its index (the common case, no object),
 * several rules or a shadowed path as an {@link ExactSlot}. Once the matcher has answered a
 * rule alone on its path, the key holds that shared answer instead of the index.
 */
export type ExactIndex = Map<string, number | ExactSlot | MatchResult>;

/**
 * The key of a rule whose `from` is a plain exact path and whose `to` has no params, found
 * without parsing a pattern; `null` when the rule needs the full check.
 */
export function simpleKey(
  rule: RedirectRule,
  strict: boolean,
  caseSensitive: boolean,
): string | null {
  const { from, to } = rule;
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  if (
    rule.status !== undefined &&
    (rule.permanent !== undefined || rule.preserveMethod !== undefined)
  ) {
    return null;
  }
  if (from.length > 4096 || to.length > 8192 || !SIMPLE_FROM.test(from) || !SIMPLE_TO.test(to)) {
    return null;
  }
  let key = from;
  if (!strict && key.length > 1 && key.charCodeAt(key.length - 1) === 47) {
    key = key.slice(0, -1);
  }
  return caseSensitive ? key : key.toLowerCase();
}

/** Adds rule `index` under `key`; a conditional rule always gets a slot (it may not answer). */
export function addExact(
  exact: ExactIndex,
  key: string,
  index: number,
  conditional: boolean,
): void {
  const found = exact.get(key);
  if (found === undefined) {
    exact.set(key, conditional ? new ExactSlot([index], Infinity) : index);
  } else if (typeof found === 'number') {
    exact.set(key, new ExactSlot([found, index], Infinity));
  } else if (found instanceof ExactSlot) found.rules.push(index);
}
