import { clientProfiles } from '../clients/profiles';
import type { ClientId, OriginRule, StatusRule, StripOn } from '../clients/types';
import type { SourceId } from '../status/sources';
import { bodyHeaderNames } from './client-rules';
import type { RequestMode } from './types';

/** Kept whatever the client's rules with `keepCookiesOnOriginChange`. */
const cookieHeaders: readonly string[] = ['cookie', 'cookie2', 'proxy-authorization'];

/** One credential rule of a client, with what `nextRequest` needs of it worked out. */
export interface CredentialPlan {
  readonly on: StripOn;
  /** The headers removed on the move. */
  readonly names: readonly string[];
  /** The same without Cookie, Cookie2 and Proxy-Authorization (`keepCookiesOnOriginChange`). */
  readonly namesKeepingCookies: readonly string[];
  /** The `header-removed` message's reason. */
  readonly why: string;
  readonly source: SourceId;
}

/**
 * A client profile as `nextRequest` reads it on every call: flat fields of one shape for every
 * client, and every list and message text that depends only on the client worked out once.
 */
export interface ClientPlan {
  readonly client: ClientId;
  readonly name: string;
  /** The rule for each status 300-308, at index `status - 300`. */
  readonly statuses: readonly StatusRule[];
  readonly maxRedirects: number;
  readonly maxRedirectsSource: SourceId;
  /** The request mode without `options.mode`. */
  readonly defaultMode: RequestMode;
  /** Whether an unreplayable body fails before the method rule, as in Fetch. */
  readonly fetchOrder: boolean;
  readonly bodyNames: readonly string[];
  /** Whether every `content-*` field goes with the body too. */
  readonly bodyContentPrefix: boolean;
  readonly bodyWhy: string;
  readonly bodySource: SourceId;
  readonly credentials: readonly CredentialPlan[];
  readonly origin: OriginRule;
  readonly originSource: SourceId;
  /** Whether a Referer the caller set names the referrer (a policy client). */
  readonly refererPolicy: boolean;
}

const statusCodes = [300, 301, 302, 303, 304, 305, 306, 307, 308] as const;

function moveReason(on: StripOn, name: string): string {
  switch (on) {
    case 'any':
      return `${name} removes it on every redirect`;
    case 'origin':
      return 'credentials are not sent to another origin';
    case 'host-or-port':
      return `${name} removes it when the host or port changes`;
    case 'non-subdomain-or-insecure':
      return `${name} removes it on a host that is not a subdomain, or a move off https`;
  }
}

/** Works out the plan of `client` from its profile. */
export function buildClientPlan(client: ClientId): ClientPlan {
  const profile = clientProfiles[client];
  const body = bodyHeaderNames(profile.bodyHeaders.value);
  return {
    client,
    name: profile.name,
    statuses: statusCodes.map((code) => profile.statuses[code]),
    maxRedirects: profile.maxRedirects.value,
    maxRedirectsSource: profile.maxRedirects.source,
    defaultMode: client === 'fetch' ? 'cors' : client === 'navigation' ? 'navigate' : 'no-cors',
    fetchOrder: client === 'fetch' || client === 'undici' || client === 'navigation',
    bodyNames: body.names,
    bodyContentPrefix: body.contentPrefix,
    bodyWhy:
      profile.bodyHeaders.value === 'request-body-headers'
        ? 'a request-body-header name goes with the body (HTTP-redirect fetch step 12)'
        : `${profile.name} drops it with the body`,
    bodySource: profile.bodyHeaders.source,
    credentials: profile.credentials.map(
      (rule): CredentialPlan => ({
        on: rule.on,
        names: rule.headers,
        namesKeepingCookies: rule.headers.filter((name) => !cookieHeaders.includes(name)),
        why: moveReason(rule.on, profile.name),
        source: rule.source,
      }),
    ),
    origin: profile.origin.value,
    originSource: profile.origin.source,
    refererPolicy: profile.referer.value === 'policy',
  };
}

// Built on first use, so importing the entry costs nothing until a client is asked for.
const plans = new Map<ClientId, ClientPlan>();
let fetchPlan: ClientPlan | undefined;

/** The plan of `client` (a checked client id), built once. */
export function clientPlan(client: ClientId): ClientPlan {
  if (client === 'fetch') {
    if (fetchPlan === undefined) fetchPlan = buildClientPlan('fetch');
    return fetchPlan;
  }
  let plan = plans.get(client);
  if (plan === undefined) {
    plan = buildClientPlan(client);
    plans.set(client, plan);
  }
  return plan;
}

/** The rule of `plan` for `status`, or `null` for a status outside 300-308. */
export function statusRule(plan: ClientPlan, status: number): StatusRule | null {
  return status >= 300 && status <= 308 ? plan.statuses[status - 300]! : null;
}
