import { isClientId } from '../clients/profiles';
import { type ClientId, clientIds } from '../clients/types';
import type { SourceId } from '../status/sources';
import { type ClientPlan, clientPlan } from './client-plan';
import { parseAbsoluteUrl, type UrlParts } from './location-url';
import { isMethod } from './method-rewrite';
import { isHttpScheme } from './origin';
import { isReferrerPolicy } from './referrer';
import { readHeaderPairs } from './request-headers';
import type {
  NextRequestError,
  NextRequestErrorCode,
  NextRequestOptions,
  RedirectMode,
  RedirectRequest,
  RedirectResponse,
  ReferrerPolicy,
  RequestMode,
} from './types';

const redirectModes = ['follow', 'error', 'manual'];
const noOptions: NextRequestOptions = Object.freeze({});
const noNames: readonly string[] = Object.freeze([]);
const requestModes = ['navigate', 'same-origin', 'no-cors', 'cors'];

/** An error result whose message starts with the package name. */
export function fail(
  code: NextRequestErrorCode,
  message: string,
  source: SourceId,
): NextRequestError {
  return { kind: 'error', code, message: `@org/redirect-core: ${message}`, source };
}

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

// A stream body is consumed by the first send, so it cannot follow a redirect (Fetch: its
// source is null).
function looksLikeStream(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const candidate = body as Record<PropertyKey, unknown>;
  return (
    typeof candidate.getReader === 'function' ||
    typeof candidate.pipe === 'function' ||
    typeof candidate[Symbol.asyncIterator] === 'function'
  );
}

/** The value of the request's Origin header, if it has one. */
function originFromHeaders(list: readonly (readonly [string, string])[]): string | undefined {
  for (let i = 0; i < list.length; i++) if (list[i]![0] === 'origin') return list[i]![1];
  return undefined;
}

/** The input of `nextRequest`, checked, with every default applied. */
export interface NextRequestInput {
  readonly redirect: RedirectMode;
  readonly maxRedirects: number;
  readonly client: ClientId;
  /** The client's profile, as `nextRequest` reads it. */
  readonly plan: ClientPlan;
  readonly mode: RequestMode;
  readonly downgrade: 'follow' | 'error';
  readonly extraStrip: readonly string[];
  readonly stripCookies: boolean;
  readonly inputMethod: string;
  readonly currentUrl: UrlParts;
  readonly requestHeaders: [string, string][];
  readonly redirectCount: number;
  readonly body: unknown;
  readonly bodyReplayable: boolean;
  readonly referrerInput: string | null | undefined;
  readonly referrerUrl: URL | null;
  readonly referrerPolicy: ReferrerPolicy | undefined;
  /** The request's origin; `null` for an opaque one. */
  readonly origin: UrlParts | null;
  readonly status: number;
  readonly responseHeaders: [string, string][];
  readonly responseUrl: UrlParts;
}

/**
 * Checks the three arguments of `nextRequest` without throwing on any shape (a throwing getter
 * is left to the caller's catch) and applies the defaults, or says which field is wrong.
 */
export function readNextRequestInput(
  request: RedirectRequest,
  response: RedirectResponse,
  rawOptions: NextRequestOptions | undefined,
): NextRequestInput | NextRequestError {
  // --- options -----------------------------------------------------------------------------
  if (rawOptions != null && typeof rawOptions !== 'object') {
    return fail('invalid-options', 'options must be an object', 'fetch-http-redirect-fetch');
  }
  const options: NextRequestOptions = rawOptions ?? noOptions;
  const client = options.client ?? 'fetch';
  if (client !== 'fetch' && !isClientId(client)) {
    return fail(
      'invalid-options',
      `options.client must be one of ${clientIds.join(', ')}`,
      'fetch-http-redirect-fetch',
    );
  }
  if ((options as { methodRewrite?: unknown }).methodRewrite !== undefined) {
    return fail(
      'invalid-options',
      `options.methodRewrite was replaced by options.client (one of ${clientIds.join(', ')})`,
      'fetch-http-redirect-fetch-12',
    );
  }
  const plan = clientPlan(client);
  const redirect = options.redirect ?? 'follow';
  // Each default is tested first, as the cheapest way through.
  if (redirect !== 'follow' && !redirectModes.includes(redirect)) {
    return fail(
      'invalid-options',
      `options.redirect must be 'follow', 'error' or 'manual'`,
      'fetch-http-fetch-6',
    );
  }
  const maxRedirects = options.maxRedirects ?? plan.maxRedirects;
  if (!isCount(maxRedirects) && maxRedirects !== Number.POSITIVE_INFINITY) {
    return fail(
      'invalid-options',
      'options.maxRedirects must be a whole number, 0 or more',
      'fetch-http-redirect-fetch-7',
    );
  }
  const mode = options.mode ?? plan.defaultMode;
  // Comparisons, not `includes`: every call passes here, and `cors` is the default.
  if (mode !== 'cors' && mode !== 'no-cors' && mode !== 'navigate' && mode !== 'same-origin') {
    return fail(
      'invalid-options',
      `options.mode must be one of ${requestModes.join(', ')}`,
      'fetch-http-redirect-fetch-9',
    );
  }
  const downgrade = options.downgrade ?? 'follow';
  if (downgrade !== 'follow' && downgrade !== 'error') {
    return fail(
      'invalid-options',
      `options.downgrade must be 'follow' or 'error'`,
      'mixed-content',
    );
  }
  let extraStrip = noNames;
  if (options.stripOnOriginChange !== undefined) {
    if (!Array.isArray(options.stripOnOriginChange)) {
      return fail(
        'invalid-options',
        'options.stripOnOriginChange must be an array of header names',
        'rfc9110-17',
      );
    }
    const names: string[] = [];
    for (const name of options.stripOnOriginChange) {
      if (typeof name !== 'string') {
        return fail(
          'invalid-options',
          'options.stripOnOriginChange must hold strings only',
          'rfc9110-17',
        );
      }
      names.push(name.toLowerCase());
    }
    extraStrip = names;
  }
  const stripCookies = options.keepCookiesOnOriginChange !== true;

  // --- request -----------------------------------------------------------------------------
  if (request === null || typeof request !== 'object') {
    return fail(
      'invalid-request',
      'request must be an object with method and url',
      'fetch-http-redirect-fetch',
    );
  }
  const inputMethod: unknown = request.method;
  if (!isMethod(inputMethod)) {
    return fail(
      'invalid-request',
      `request.method must be a method token such as 'GET', not ${typeof inputMethod === 'string' ? JSON.stringify(inputMethod) : typeof inputMethod}`,
      'fetch-method-normalize',
    );
  }
  const url: unknown = request.url;
  const currentUrl = typeof url === 'string' ? parseAbsoluteUrl(url) : null;
  if (currentUrl === null || !isHttpScheme(currentUrl)) {
    return fail(
      'invalid-request',
      'request.url must be an absolute http: or https: URL',
      'fetch-http-redirect-fetch',
    );
  }
  const requestHeaders = readHeaderPairs(request.headers, true);
  if (!requestHeaders.ok) {
    return fail(
      'invalid-request',
      `request.${requestHeaders.message}`,
      'fetch-http-redirect-fetch',
    );
  }
  const redirectCount = request.redirectCount ?? 0;
  if (!isCount(redirectCount)) {
    return fail(
      'invalid-request',
      'request.redirectCount must be a whole number, 0 or more',
      'fetch-http-redirect-fetch-7',
    );
  }
  if (request.bodyReplayable !== undefined && typeof request.bodyReplayable !== 'boolean') {
    return fail(
      'invalid-request',
      'request.bodyReplayable must be a boolean',
      'fetch-http-redirect-fetch-11',
    );
  }
  const body = request.body ?? null;
  const bodyReplayable = body === null || (request.bodyReplayable ?? !looksLikeStream(body));
  const referrerInput = request.referrer;
  const referrerUrl = referrerInput == null ? null : parseUrl(referrerInput);
  if (referrerInput != null && referrerUrl === null) {
    return fail(
      'invalid-request',
      'request.referrer must be an absolute URL or null',
      'referrer-policy-determine',
    );
  }
  if (request.referrerPolicy !== undefined && !isReferrerPolicy(request.referrerPolicy)) {
    return fail(
      'invalid-request',
      'request.referrerPolicy must be a referrer policy',
      'referrer-policy-on-redirect',
    );
  }
  // `null`: an opaque origin (the serialization "null"), same origin with nothing. Without the
  // option, a browser's Origin header names it.
  let origin: UrlParts | null = currentUrl;
  const originHeader = originFromHeaders(requestHeaders.list);
  if (options.origin === undefined && originHeader !== undefined) {
    origin = originHeader === 'null' ? null : (parseAbsoluteUrl(originHeader) ?? currentUrl);
  }
  if (options.origin === 'null') origin = null;
  else if (options.origin !== undefined) {
    const value: unknown = options.origin;
    const parsed = typeof value === 'string' ? parseAbsoluteUrl(value) : null;
    if (parsed === null) {
      return fail(
        'invalid-options',
        'options.origin must be an origin such as https://example.com',
        'fetch-http-redirect-fetch-9',
      );
    }
    origin = parsed;
  }

  // --- response ----------------------------------------------------------------------------
  if (response === null || typeof response !== 'object') {
    return fail(
      'invalid-response',
      'response must be an object with status and headers',
      'fetch-http-redirect-fetch',
    );
  }
  const status: unknown = response.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 999) {
    return fail(
      'invalid-response',
      'response.status must be a whole number from 100 to 999',
      'fetch-redirect-status',
    );
  }
  const responseHeaders = readHeaderPairs(response.headers, false);
  if (!responseHeaders.ok) {
    return fail(
      'invalid-response',
      `response.${responseHeaders.message}`,
      'fetch-http-redirect-fetch',
    );
  }
  let responseUrl = currentUrl;
  if (response.url !== undefined) {
    const value: unknown = response.url;
    const parsed = typeof value === 'string' ? parseAbsoluteUrl(value) : null;
    if (parsed === null) {
      return fail('invalid-response', 'response.url must be an absolute URL', 'fetch-location-url');
    }
    responseUrl = parsed;
  }

  return {
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
    requestHeaders: requestHeaders.list,
    redirectCount,
    body,
    bodyReplayable,
    referrerInput,
    referrerUrl,
    referrerPolicy: request.referrerPolicy,
    origin,
    status,
    responseHeaders: responseHeaders.list,
    responseUrl,
  };
}
