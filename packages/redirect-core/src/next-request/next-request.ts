import type { SourceId } from '../status/sources';
import { statusRule } from './client-plan';
import { bodyDroppedWithoutRewrite, isMove, rewritesToGet } from './client-rules';
import { fail, readNextRequestInput } from './input';
import { locationUrl, type UrlParts, urlFragment } from './location-url';
import { normalizeMethod } from './method-rewrite';
import { includesCredentials, isDowngrade, isHttpScheme, sameOrigin } from './origin';
import { defaultReferrerPolicy, determineReferrer, referrerPolicyFromHeaders } from './referrer';
import { describe, headerRecord } from './request-headers';
import type {
  Change,
  NextRequest,
  NextRequestFollow,
  NextRequestOptions,
  NextRequestResult,
  NextRequestReturn,
  RedirectRequest,
  RedirectResponse,
  ReferrerPolicy,
  ReturnReason,
} from './types';

const hostHeader = ['host'];
const originHeader = ['origin'];

/** Whether `name` is in `names` (a loop the compiler inlines, unlike `includes`). */
function listed(names: readonly string[], name: string): boolean {
  // Lengths first: most names differ in length, and that compares for nothing.
  for (let i = 0; i < names.length; i++) {
    const listedName = names[i]!;
    if (listedName.length === name.length && listedName === name) return true;
  }
  return false;
}

/**
 * Removes from `headers` (in place: the list is this call's own) the fields named in `names`,
 * and with `contentPrefix` every `content-*` field, with one `header-removed` change per
 * removed name.
 */
function removeHeaders(
  headers: [string, string][],
  names: readonly string[],
  contentPrefix: boolean,
  why: string,
  source: SourceId,
  changes: Change[],
): void {
  // The changes from here on are this call's: a name is reported once.
  const reportedFrom = changes.length;
  let kept = 0;
  for (let i = 0; i < headers.length; i++) {
    const pair = headers[i]!;
    const name = pair[0];
    if (!listed(names, name) && !(contentPrefix && name.startsWith('content-'))) {
      headers[kept++] = pair;
      continue;
    }
    if (!reported(changes, reportedFrom, name)) {
      changes.push({
        kind: 'header-removed',
        header: name,
        message: `${name} removed: ${why}`,
        source,
        severity: 'info',
      });
    }
  }
  // `pop` is cheaper than setting `length`.
  while (headers.length > kept) headers.pop();
}

/** Whether a change from index `from` on already reports the removal of `name`. */
function reported(changes: readonly Change[], from: number, name: string): boolean {
  for (let i = from; i < changes.length; i++) if (changes[i]!.header === name) return true;
  return false;
}

/**
 * A change of a header's value (`origin-header-changed`, `referer-changed`), with `from` and
 * `to` only when there was or will be a value: four literals rather than spreads, so a call
 * allocates one object.
 */
function headerChange(
  kind: 'origin-header-changed' | 'referer-changed',
  from: string | undefined,
  to: string | undefined,
  message: string,
  source: SourceId,
): Change {
  if (from === undefined) {
    return to === undefined
      ? { kind, message, source, severity: 'info' }
      : { kind, to, message, source, severity: 'info' };
  }
  return to === undefined
    ? { kind, from, message, source, severity: 'info' }
    : { kind, from, to, message, source, severity: 'info' };
}

/** Whether `value` is printable ASCII but '"' and '\\', which `JSON.stringify` keeps as they are. */
function plainJsonString(value: string): boolean {
  // A loop, not a regex: a Location can be megabytes long.
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c) return false;
  }
  return true;
}

/**
 * `JSON.stringify(value)`, without the call for the plain ASCII a Location usually is
 * (`printable`: already known to be).
 */
function quote(value: string, printable: boolean): string {
  return printable || plainJsonString(value) ? `"${value}"` : JSON.stringify(value);
}

// Redirect counts as text, for the counts a chain reaches (String() on each call costs more).
const countTexts = Array.from({ length: 32 }, (_, count) => String(count));

function countText(count: number): string {
  return count < countTexts.length ? countTexts[count]! : String(count);
}

function giveBack(reason: ReturnReason, message: string, source: SourceId): NextRequestReturn {
  return { kind: 'return', reason, message, source };
}

/**
 * The request a client sends after a redirect response, and every difference from the request
 * that got it. `client` picks the profile to predict (`clientProfiles`: browsers' `fetch()`,
 * Node.js fetch, navigations, follow-redirects, axios, got, curl, RFC 9110); the default,
 * `fetch`, is the Fetch standard's HTTP fetch (step 6, the redirect mode) and HTTP-redirect
 * fetch. Synchronous, and it never throws: bad input gives
 * `{ kind: 'error', code: 'invalid-request' | 'invalid-response' | 'invalid-options' }`.
 *
 * In order: a status the client does not follow is returned (`not-redirect-status`; for
 * `fetch` every status but 301, 302, 303, 307, 308); redirect mode `error` fails and `manual`
 * returns, before Location is read; no Location returns (`no-location`); several Location
 * fields, or one that does not parse against the response URL, fail (`invalid-location`); a
 * scheme other than http(s) fails; a request that has followed the client's limit fails; in
 * `cors` mode a Location with credentials fails; a body that cannot be replayed fails; then the
 * client's method rule applies (Fetch: 301/302 turn POST into GET and 303 every method but
 * GET/HEAD), dropping the body and the headers that go with it; the client's credential rules
 * remove Authorization, Cookie or Proxy-Authorization on the moves it strips them on, and
 * `stripOnOriginChange` on an origin change; Origin and Referer are set as the client sets
 * them; Host is never carried. A Location without a fragment inherits the request's.
 *
 * Defaults where the standard leaves room: credentials in the Location URL and https to http
 * downgrades are followed and reported as `warning` changes, as a navigation does (a `fetch()`
 * from a secure context blocks an http request as mixed content: pass `downgrade: 'error'`);
 * `mode: 'cors'` and `downgrade: 'error'` make them fail.
 *
 * @example
 * ```ts
 * const next = nextRequest(
 *   { method: 'POST', url: 'https://a.example/form', headers: { 'content-type': 'text/plain' }, body: 'x' },
 *   { status: 303, headers: { location: '/done' } },
 * );
 * // next.kind === 'follow'; next.request: GET https://a.example/done, no body, no content-type
 * nextRequest(request, { status: 302, headers: { location: '/x' } }, { client: 'curl-x' });
 * // curl -X POST: POST again, without the body
 * ```
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4
 */
export function nextRequest(
  request: RedirectRequest,
  response: RedirectResponse,
  options?: NextRequestOptions,
): NextRequestResult {
  try {
    return follow(request, response, options);
  } catch (error) {
    // Only hostile input reaches this (a getter or a proxy that throws).
    return fail(
      'invalid-request',
      `the input could not be read (${describe(error)}); pass plain request and response objects`,
      'fetch-http-redirect-fetch',
    );
  }
}
function follow(
  request: RedirectRequest,
  response: RedirectResponse,
  rawOptions: NextRequestOptions | undefined,
): NextRequestResult {
  const input = readNextRequestInput(request, response, rawOptions);
  if ('kind' in input) return input;
  const {
    redirect,
    maxRedirects,
    client,
    plan,
    mode,
    downgrade,
    extraStrip,
    stripCookies,
    inputMethod,
    currentUrl,
    redirectCount,
    body,
    bodyReplayable,
    referrerInput,
    origin,
    status,
    responseUrl,
  } = input;

  // --- HTTP fetch step 6: the statuses the client follows -------------------------------------
  const rule = statusRule(plan, status);
  if (rule === null || !rule.follows) {
    return giveBack(
      'not-redirect-status',
      client === 'fetch'
        ? `${status} is not a redirect status (301, 302, 303, 307, 308): the response is final`
        : `${plan.name} does not follow a ${status}: the response is final`,
      rule === null ? 'fetch-redirect-status' : rule.source,
    );
  }
  const followed = status as NextRequestFollow['status'];
  // The redirect mode is applied before Location is read.
  if (redirect === 'error') {
    return fail(
      'redirect-mode-error',
      `redirect mode is 'error' and the response is a ${status} (HTTP fetch step 6.3); use redirect 'follow' to follow it`,
      'fetch-http-fetch-6',
    );
  }
  if (redirect === 'manual') {
    return giveBack(
      'manual',
      `redirect mode is 'manual': the ${status} goes back to the caller (HTTP fetch step 6.3)`,
      'fetch-http-fetch-6',
    );
  }

  // --- HTTP-redirect fetch -----------------------------------------------------------------
  // Step 3: the location URL, given the request's current URL's fragment.
  const location = locationUrl(input.responseHeaders, responseUrl, urlFragment(currentUrl));
  // Step 4.
  if (location.kind === 'none') {
    return giveBack(
      'no-location',
      `the ${status} has no Location field, so it is returned as is (HTTP-redirect fetch step 4)`,
      'fetch-http-redirect-fetch-4',
    );
  }
  // Step 5.
  if (location.kind === 'failure') {
    if (location.reason === 'several') {
      return fail(
        'invalid-location',
        'the response has several Location fields, so its location URL is failure (HTTP-redirect fetch step 5); send exactly one',
        'fetch-extract-header-list-values',
      );
    }
    return fail(
      'invalid-location',
      `Location ${JSON.stringify(clip(location.value))} is not a URL relative to ${responseUrl.href} (HTTP-redirect fetch step 5); send an absolute or relative URL`,
      'fetch-http-redirect-fetch-5',
    );
  }
  const target = location.url;
  // Step 6.
  if (!isHttpScheme(target)) {
    return fail(
      'unsupported-scheme',
      `Location leads to a ${target.protocol} URL; only http: and https: can be followed (HTTP-redirect fetch step 6)`,
      'fetch-http-redirect-fetch-6',
    );
  }
  // Step 7: a request that already followed the limit fails; step 8 counts this one.
  if (redirectCount >= maxRedirects) {
    return fail(
      'too-many-redirects',
      `the request has already followed ${redirectCount} redirects, the limit is ${maxRedirects} (HTTP-redirect fetch step 7); break the redirect chain or loop`,
      client === 'fetch' ? 'fetch-http-redirect-fetch-7' : plan.maxRedirectsSource,
    );
  }
  const credentials = includesCredentials(target);
  // Steps 9-10; response tainting "cors" is taken from the current URL only.
  if (
    mode === 'cors' &&
    credentials &&
    (origin === null || !sameOrigin(origin, target) || !sameOrigin(origin, currentUrl))
  ) {
    return fail(
      'credentials-in-location',
      'a cors request cannot be redirected to a URL with credentials (HTTP-redirect fetch steps 9-10); remove the userinfo from Location',
      'fetch-http-redirect-fetch-9',
    );
  }
  const crossOrigin = !sameOrigin(currentUrl, target);
  const method = normalizeMethod(inputMethod);
  const rewritten = rewritesToGet(method, rule, crossOrigin);
  const nextMethod = rewritten ? 'GET' : method;
  const dropsBody = rewritten || bodyDroppedWithoutRewrite(rule, crossOrigin);
  // Step 11. The Fetch clients check before the rewrite; the others fail only when they would
  // send the body again.
  if (body !== null && !bodyReplayable && status !== 303 && (plan.fetchOrder || !dropsBody)) {
    return fail(
      'body-not-replayable',
      `the request body is a stream that cannot be sent again, and a ${status} needs it again (HTTP-redirect fetch step 11); buffer the body or set bodyReplayable`,
      'fetch-http-redirect-fetch-11',
    );
  }
  // Main fetch of the next hop.
  if (mode === 'same-origin' && (origin === null || !sameOrigin(origin, target))) {
    return fail(
      'cross-origin-in-same-origin-mode',
      `a same-origin request cannot be redirected to ${target.origin}`,
      'fetch-main-fetch-same-origin',
    );
  }
  const downgraded = isDowngrade(currentUrl, target);
  if (downgraded && downgrade === 'error') {
    return fail(
      'insecure-downgrade',
      `Location leads from https to plain http (${target.origin}); set downgrade: 'follow' to allow it`,
      'mixed-content',
    );
  }

  // --- the next request ----------------------------------------------------------------------
  const changes: Change[] = [];
  let headers = input.requestHeaders;

  changes.push({
    kind: 'url-changed',
    from: currentUrl.href,
    to: location.href,
    message:
      location.href === currentUrl.href
        ? `URL stays ${location.href}: the Location ${quote(location.value, location.printable)} leads back to it (a loop ends at the redirect limit)`
        : `URL is now ${location.href}, the Location ${quote(location.value, location.printable)} resolved against ${responseUrl.href}`,
    source: 'fetch-location-url',
    severity: 'info',
  });
  if (location.decoded) {
    changes.push({
      kind: 'location-decoded',
      message: 'Location bytes were read as UTF-8 and percent-encoded, as browsers do',
      source: 'url-parsing',
      severity: 'info',
    });
  }
  if (location.inheritedFragment !== null) {
    changes.push({
      kind: 'fragment-inherited',
      to: `#${location.inheritedFragment}`,
      message: `the Location has no fragment, so it keeps the request's #${location.inheritedFragment}`,
      source: 'fetch-location-url',
      severity: 'info',
    });
  }
  changes.push({
    kind: 'redirect-count-incremented',
    from: countText(redirectCount),
    to: countText(redirectCount + 1),
    message: `redirect count is now ${countText(redirectCount + 1)} of at most ${countText(maxRedirects)}`,
    source: 'fetch-http-redirect-fetch-7',
    severity: 'info',
  });

  if (method !== inputMethod && !rewritten) {
    changes.push({
      kind: 'method-normalized',
      from: inputMethod,
      to: method,
      message: `${inputMethod} is written ${method}`,
      source: 'fetch-method-normalize',
      severity: 'info',
    });
  }
  const ruleSource: SourceId = rule.source;
  let nextBody = body;
  if (rewritten) {
    const reason =
      rule.toGet === 'all-but-get-head'
        ? `${status} turns every method but GET and HEAD into GET`
        : rule.toGet === 'post-cross-origin'
          ? `${status} to another origin turns POST into GET`
          : `${status} turns POST into GET`;
    changes.push({
      kind: 'method-rewritten',
      from: inputMethod,
      to: 'GET',
      message: `${inputMethod} became GET: ${reason}`,
      source: ruleSource,
      severity: 'info',
    });
  }
  if (dropsBody) {
    if (body !== null) {
      changes.push({
        kind: 'body-dropped',
        message: rewritten
          ? 'the body is dropped with the method change'
          : `${plan.name} sends the ${method} again without its body`,
        source: ruleSource,
        severity: 'info',
      });
    }
    nextBody = null;
    removeHeaders(
      headers,
      plan.bodyNames,
      plan.bodyContentPrefix,
      plan.bodyWhy,
      plan.bodySource,
      changes,
    );
  }

  // Step 13 and each client's own credential rules.
  if (crossOrigin) {
    changes.push({
      kind: 'origin-changed',
      from: currentUrl.origin,
      to: target.origin,
      message: `origin changes from ${currentUrl.origin} to ${target.origin}`,
      source: 'fetch-http-redirect-fetch-13',
      severity: 'info',
    });
  }
  const credentialRules = plan.credentials;
  for (let i = 0; i < credentialRules.length; i++) {
    const credentialRule = credentialRules[i]!;
    if (!isMove(credentialRule.on, currentUrl, target)) continue;
    removeHeaders(
      headers,
      stripCookies ? credentialRule.names : credentialRule.namesKeepingCookies,
      false,
      credentialRule.why,
      credentialRule.source,
      changes,
    );
  }
  if (crossOrigin && extraStrip.length > 0) {
    removeHeaders(
      headers,
      extraStrip,
      false,
      'listed in stripOnOriginChange',
      'rfc9110-17',
      changes,
    );
  }
  removeHeaders(
    headers,
    hostHeader,
    false,
    'Host names the previous URL; the client sets it from the new one',
    'rfc9110-7.2',
    changes,
  );

  if (downgraded) {
    changes.push({
      kind: 'downgrade',
      from: currentUrl.origin,
      to: target.origin,
      message: 'https to plain http: the next request, its headers and body travel unencrypted',
      source: 'mixed-content',
      severity: 'warning',
    });
  }
  if (credentials) {
    changes.push({
      kind: 'credentials-in-url',
      message: 'the Location URL carries a username or password; it is followed and sent as is',
      source: 'url-includes-credentials',
      severity: 'warning',
    });
  }

  // Origin, as the client appends it to each request.
  if (plan.origin !== 'as-set') {
    const before = headerValue(headers, 'origin');
    const value = originHeaderValue(
      plan.origin,
      nextMethod,
      mode,
      origin,
      currentUrl,
      target,
      before,
    );
    if (value !== before) {
      // `before` is the last Origin pair's value: without one there is nothing to remove.
      if (before !== undefined) removeHeadersQuietly(headers, originHeader);
      if (value !== undefined) headers.push(['origin', value]);
      changes.push(
        headerChange(
          'origin-header-changed',
          before,
          value,
          value === undefined
            ? `no Origin is sent with a ${nextMethod} ${crossOrigin ? 'to another origin' : 'to the same origin'}`
            : `Origin is ${value}`,
          plan.originSource,
        ),
      );
    }
  }

  // Step 19 and the Referer of the next request (main fetch): for a request with a referrer,
  // and for a policy client, a Referer the caller set, which names the referrer.
  let referrer: string | null | undefined;
  let referrerPolicy: ReferrerPolicy | undefined = input.referrerPolicy;
  const policyUpdate = referrerPolicyFromHeaders(input.responseHeaders);
  if (policyUpdate !== null && policyUpdate !== (referrerPolicy ?? defaultReferrerPolicy)) {
    changes.push({
      kind: 'referrer-policy-updated',
      from: referrerPolicy ?? defaultReferrerPolicy,
      to: policyUpdate,
      message: `the response's Referrer-Policy sets ${policyUpdate}`,
      source: 'fetch-http-redirect-fetch-19',
      severity: 'info',
    });
  }
  if (policyUpdate !== null) referrerPolicy = policyUpdate;
  const before = headerValue(headers, 'referer');
  let referrerUrl = input.referrerUrl;
  let fromHeader = false;
  if (referrerInput === undefined && before !== undefined && plan.refererPolicy) {
    referrerUrl = parseReferer(before);
    fromHeader = true;
  }
  if (referrerInput !== undefined || fromHeader) {
    const computed =
      referrerUrl === null
        ? null
        : determineReferrer(referrerUrl, target, referrerPolicy ?? defaultReferrerPolicy);
    if (!fromHeader) referrer = computed;
    headers = headers.filter(([name]) => name !== 'referer');
    if (computed !== null) headers.push(['referer', computed]);
    if ((before ?? null) !== computed) {
      changes.push(
        headerChange(
          'referer-changed',
          before,
          computed === null ? undefined : computed,
          computed === null ? 'no Referer is sent' : `Referer is ${computed}`,
          'referrer-policy-determine',
        ),
      );
    }
  }

  const next: { -readonly [K in keyof NextRequest]: NextRequest[K] } = {
    method: nextMethod,
    url: location.href,
    headers: headerRecord(headers),
    body: nextBody,
    bodyReplayable: nextBody === null || bodyReplayable,
    redirectCount: redirectCount + 1,
  };
  if (referrer !== undefined) next.referrer = referrer;
  if (referrerPolicy !== undefined) next.referrerPolicy = referrerPolicy;
  return { kind: 'follow', status: followed, request: next, changes };
}

/** At most 200 characters of `value`, for messages (a Location can be megabytes long). */
function clip(value: string): string {
  return value.length <= 200 ? value : `${value.slice(0, 200)}...`;
}

/** The last value of `name` among the pairs. */
function headerValue(
  headers: readonly (readonly [string, string])[],
  name: string,
): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < headers.length; i++) if (headers[i]![0] === name) value = headers[i]![1];
  return value;
}

function removeHeadersQuietly(headers: [string, string][], names: readonly string[]): void {
  let kept = 0;
  for (let i = 0; i < headers.length; i++) {
    const pair = headers[i]!;
    if (!names.includes(pair[0])) headers[kept++] = pair;
  }
  while (headers.length > kept) headers.pop();
}

/** A Referer header value as a URL, or `null` when it is not one (then none is sent). */
function parseReferer(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The Origin header a browser sends on the next request (`undefined`: none).
 * `fetch`: Fetch's "append a request Origin header": a CORS request to another origin than the
 * request's, or a method other than GET/HEAD; "null" once a cross-origin hop taints it.
 * `navigation`: a method other than GET/HEAD; "null" after a hop to another origin (Chromium).
 */
function originHeaderValue(
  rule: 'fetch' | 'navigation',
  method: string,
  mode: string,
  origin: UrlParts | null,
  current: UrlParts,
  target: UrlParts,
  before: string | undefined,
): string | undefined {
  const unsafe = method !== 'GET' && method !== 'HEAD';
  if (rule === 'navigation') {
    if (!unsafe) return undefined;
    const kept =
      before !== 'null' &&
      origin !== null &&
      sameOrigin(origin, current) &&
      sameOrigin(current, target);
    return kept ? origin.origin : 'null';
  }
  const cors = mode === 'cors' && (origin === null || !sameOrigin(origin, target));
  if (!cors && !unsafe) return undefined;
  const tainted =
    before === 'null' ||
    origin === null ||
    (!sameOrigin(current, target) && !sameOrigin(origin, current));
  return tainted ? 'null' : origin.origin;
}
