import type { MethodRule, Permanence, StatusKind } from '@org/redirect-core';

/** Human wording for the values of the status table. */
export const rewriteLabels = {
  none: 'Method kept',
  post: 'POST becomes GET; other methods kept',
  'post-optional': 'POST may become GET',
  'all-but-get-head': 'Every method but GET and HEAD becomes GET',
  'not-followed': 'Not followed',
} as const satisfies Record<MethodRule['rewrite'], string>;

export const bodyLabels = {
  kept: 'Kept',
  'dropped-on-rewrite': 'Dropped when the method becomes GET',
  'not-followed': 'n/a',
} as const satisfies Record<MethodRule['body'], string>;

export const kindLabels = {
  redirect: 'Redirect',
  'multiple-choices': 'List of choices',
  'not-modified': 'Cache answer',
  deprecated: 'Deprecated',
  unused: 'Unused',
} as const satisfies Record<StatusKind, string>;

export const permanenceLabels = {
  yes: 'Permanent',
  no: 'Temporary',
  'n/a': 'n/a',
} as const satisfies Record<Permanence, string>;

/** `true`/`false`/`null` as a short word. */
export function yesNo(value: boolean | null): string {
  if (value === null) return 'n/a';
  return value ? 'Yes' : 'No';
}
