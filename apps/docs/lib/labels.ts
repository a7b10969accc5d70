import { type ClientId, clientProfiles } from '@org/redirect-core/clients';
import type { MethodRule, Permanence, SourceId, StatusKind } from '@org/redirect-core/status';

/** Human wording for the values of the status table. */
export const rewriteLabels = {
  none: 'Method kept',
  post: 'POST becomes GET; other methods kept',
  'post-optional': 'POST may become GET',
  'all-but-get-head': 'Every method but GET and HEAD becomes GET',
  'post-cross-origin': 'POST becomes GET on a move to another origin',
  'not-followed': 'Not followed',
} as const satisfies Record<MethodRule['rewrite'], string>;

export const bodyLabels = {
  kept: 'Kept',
  'dropped-on-rewrite': 'Dropped when the method becomes GET',
  dropped: 'Dropped; the method is sent again without it',
  'dropped-cross-origin': 'Dropped on a move to another origin',
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

/**
 * How a client's cells are known: "verified against <client> <version>" when the conformance
 * suite drives that client, else "documented" with the source read.
 */
export function verification(id: ClientId): { readonly text: string; readonly source: SourceId } {
  const { verified } = clientProfiles[id];
  return verified.by === 'suite'
    ? {
        text: `verified against ${[`${verified.client} ${verified.version}`, ...('also' in verified ? verified.also : [])].join(' and ')}`,
        source: verified.source,
      }
    : {
        text: `documented (${verified.version === verified.client ? verified.client : `${verified.client} ${verified.version}`})`,
        source: verified.source,
      };
}

/** `true`/`false`/`null` as a short word. */
export function yesNo(value: boolean | null): string {
  if (value === null) return 'n/a';
  return value ? 'Yes' : 'No';
}
