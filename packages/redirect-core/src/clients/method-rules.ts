import type { MethodRule } from '../status/types';
import { clientProfiles } from './profiles';
import { type ClientId, clientIds, type ProfileStatus, type StatusRule } from './types';

function methodRule(rule: StatusRule): MethodRule {
  const base =
    rule.note === undefined ? { source: rule.source } : { source: rule.source, note: rule.note };
  if (!rule.follows) {
    return { rewrite: 'not-followed', headKept: null, body: 'not-followed', ...base };
  }
  const body =
    rule.body === 'dropped'
      ? 'dropped'
      : rule.body === 'dropped-cross-origin'
        ? 'dropped-cross-origin'
        : rule.toGet === 'none'
          ? 'kept'
          : 'dropped-on-rewrite';
  return { rewrite: rule.toGet, headKept: true, body, ...base };
}

/**
 * The method rule of every client for `code`, derived from {@link clientProfiles}, so the status
 * table and `nextRequest` cannot disagree.
 */
export function methodRules(code: ProfileStatus): { readonly [C in ClientId]: MethodRule } {
  const out = {} as Record<ClientId, MethodRule>;
  for (const id of clientIds) out[id] = methodRule(clientProfiles[id].statuses[code]);
  return out;
}
