import type { SourceId } from '../status/sources';
import { isRedirectStatus } from '../status/status';
import { fail, readNextRequestInput } from './input';
import { locationUrl, urlFragment } from './location-url';
import { normalizeMethod, rewriteMethod } from './method-rewrite';
import { includesCredentials, isDowngrade, isHttpScheme, sameOrigin } from './origin';
import { defaultReferrerPolicy, determineReferrer, referrerPolicyFromHeaders } from './referrer';
import { describe, headerRecord } from './request-headers';
import type {
  Change,
  NextRequest,
  NextRequestOptions,
  NextRequestResult,
  NextRequestReturn,
  RedirectRequest,
  RedirectResponse,
  ReferrerPolicy,
  ReturnReason,
} from './types';

/** Fetch's request-body-header names, removed when the method becomes GET (step 12). */
const requestBodyHeaders = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
];
/** They describe the dropped body too, so they go with it. */
const framingHeaders = ['content-length', 'transfer-encoding'];
/** Removed on an origin change by default, besides Fetch's Authorization. */
const credentialHeaders = ['cookie', 'cookie2', 'proxy-authorization'];

const authorizationHeader = ['authorization'];
const hostHeader = ['host'];

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

// Printable ASCII but '"' and '\\', which `JSON.stringify` keeps as they are.
const plainJsonString = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * `JSON.stringify(value)`, without the call for the plain ASCII a Location usually is
 * (`printable`: already known to be).
 */
function quote(value: string, printable: boolean): string {
  return printable || plainJsonString.test(value) ? `"${value}"` : JSON.stringify(value);
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
 * The request a user agent sends after a redirect response, and every difference from the
 * request that got it, as the Fetch standard's HTTP fetch (step 6, the redirect mode) and
 * HTTP-redirect fetch define it. Synchronous, and it never throws: bad input gives
 * `{ kind: 'error', code: 'invalid-request' | 'invalid-response' | 'invalid-options' }`.
 *
 * In order: a status other than 301, 302, 303, 307, 308 is returned (`not-redirect-status`);
 * redirect mode `error` fails and `manual` returns, before Location is read; no Location
 * returns (`no-location`); several Location fields, or one that does not parse against the
 * response URL, fail (`invalid-location`); a scheme other than http(s) fails; a request that has
 * followed `maxRedirects` redirects fails; in `cors` mode a Location with credentials fails; a
 * body that cannot be replayed fails on every status but 303; then 301/302 turn POST into GET and
 * 303 every method but GET/HEAD, dropping the body and its headers; an origin change removes
 * Authorization, Cookie, Cookie2, Proxy-Authorization and `stripOnOriginChange`; Host is never
 * carried. A Location without a fragment inherits the request's.
 *
 * Defaults where the standard leaves room: credentials in the Location URL and https to http
 * downgrades are followed (as a browser navigation or `no-cors` fetch does) and reported as
 * `warning` changes; `mode: 'cors'` and `downgrade: 'error'` make them fail.
 *
 * @example
 * ```ts
 * const next = nextRequest(
 *   { method: 'POST', url: 'https://a.example/form', headers: { 'content-type': 'text/plain' }, body: 'x' },
 *   { status: 303, headers: { location: '/done' } },
 * );
 * // next.kind === 'follow'; next.request: GET https://a.example/done, no body, no content-type
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
    family,
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
    referrerUrl,
    origin,
    status,
    responseUrl,
  } = input;

  // --- HTTP fetch step 6 ---------------------------------------------------------------------
  if (!isRedirectStatus(status)) {
    return giveBack(
      'not-redirect-status',
      `${status} is not a redirect status (301, 302, 303, 307, 308): the response is final`,
      'fetch-redirect-status',
    );
  }
  // The redirect mode is applied before Location is read.
  if (redirect === 'error') {
    return fail(
      'redirect-mode-error',
      `redirect mode is 'error' and the response is a ${status} (HTTP fetch step 6.2); use redirect 'follow' to follow it`,
      'fetch-http-fetch-6',
    );
  }
  if (redirect === 'manual') {
    return giveBack(
      'manual',
      `redirect mode is 'manual': the ${status} goes back to the caller (HTTP fetch step 6.2)`,
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
      `Location ${JSON.stringify(location.value)} is not a URL relative to ${responseUrl.href} (HTTP-redirect fetch step 5); send an absolute or relative URL`,
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
      'fetch-http-redirect-fetch-7',
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
  // Step 11. Only the Fetch families check before the rewrite; the others fail only when they
  // would send the body again.
  const outcome = rewriteMethod(normalizeMethod(inputMethod), status, family);
  const fetchOrder = family === 'fetch' || family === 'undici';
  if (body !== null && !bodyReplayable && status !== 303 && (fetchOrder || !outcome.rewritten)) {
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

  if (outcome.method !== inputMethod && !outcome.rewritten) {
    changes.push({
      kind: 'method-normalized',
      from: inputMethod,
      to: outcome.method,
      message: `${inputMethod} is written ${outcome.method}`,
      source: 'fetch-method-normalize',
      severity: 'info',
    });
  }
  let nextBody = body;
  if (outcome.rewritten) {
    const reason =
      status === 303
        ? '303 turns every method but GET and HEAD into GET'
        : `${status} turns POST into GET`;
    changes.push({
      kind: 'method-rewritten',
      from: inputMethod,
      to: 'GET',
      message: `${inputMethod} became GET: ${reason}`,
      source: outcome.source,
      severity: 'info',
    });
    if (body !== null) {
      changes.push({
        kind: 'body-dropped',
        message: 'the body is dropped with the method change',
        source: outcome.source,
        severity: 'info',
      });
    }
    nextBody = null;
    if (family === 'followRedirects') {
      removeHeaders(
        headers,
        framingHeaders,
        true,
        'follow-redirects drops every Content-* header with the body',
        'follow-redirects',
        changes,
      );
    } else {
      removeHeaders(
        headers,
        requestBodyHeaders,
        false,
        'a request-body-header name goes with the body (HTTP-redirect fetch step 12)',
        'fetch-request-body-header-name',
        changes,
      );
      removeHeaders(
        headers,
        framingHeaders,
        false,
        'it described the dropped body',
        'rfc9110-8.6',
        changes,
      );
    }
  }

  // Step 13 and the credential headers a server-side caller may have set.
  if (!sameOrigin(currentUrl, target)) {
    changes.push({
      kind: 'origin-changed',
      from: currentUrl.origin,
      to: target.origin,
      message: `origin changes from ${currentUrl.origin} to ${target.origin}`,
      source: 'fetch-http-redirect-fetch-13',
      severity: 'info',
    });
    removeHeaders(
      headers,
      authorizationHeader,
      false,
      'the origin changed (HTTP-redirect fetch step 13)',
      'fetch-http-redirect-fetch-13',
      changes,
    );
    if (stripCookies) {
      removeHeaders(
        headers,
        credentialHeaders,
        false,
        'credentials are not sent to another origin',
        'follow-redirects',
        changes,
      );
    }
    if (extraStrip.length > 0) {
      removeHeaders(
        headers,
        extraStrip,
        false,
        'listed in stripOnOriginChange',
        'rfc9110-17',
        changes,
      );
    }
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

  // Step 19 and the Referer of the next request (main fetch), only for a request with a referrer.
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
  if (referrerInput !== undefined) {
    referrer =
      referrerUrl === null
        ? null
        : determineReferrer(referrerUrl, target, referrerPolicy ?? defaultReferrerPolicy);
    const before = headers.find(([name]) => name === 'referer')?.[1];
    headers = headers.filter(([name]) => name !== 'referer');
    if (referrer !== null) headers.push(['referer', referrer]);
    if ((before ?? null) !== referrer) {
      changes.push({
        kind: 'referer-changed',
        ...(before === undefined ? {} : { from: before }),
        ...(referrer === null ? {} : { to: referrer }),
        message: referrer === null ? 'no Referer is sent' : `Referer is ${referrer}`,
        source: 'referrer-policy-determine',
        severity: 'info',
      });
    }
  }

  const next: { -readonly [K in keyof NextRequest]: NextRequest[K] } = {
    method: outcome.method,
    url: location.href,
    headers: headerRecord(headers),
    body: nextBody,
    bodyReplayable: nextBody === null || bodyReplayable,
    redirectCount: redirectCount + 1,
  };
  if (referrer !== undefined) next.referrer = referrer;
  if (referrerPolicy !== undefined) next.referrerPolicy = referrerPolicy;
  return { kind: 'follow', status, request: next, changes };
}
