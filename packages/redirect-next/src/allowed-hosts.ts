import { RedirectOptionsError } from '@org/redirect-core/adapter';
import { pkg } from './rules-or-map';

/** Decides the origin of an absolute Location for a request, or `null` to leave it alone. */
export type LocationOrigin = (requestUrl: string) => string | null;

const hostPattern = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/**
 * Where `createRedirectProxy` takes the origin of a path Location from: `base` when given (from
 * configuration), else the request's own origin, but only for a host listed in `allowedHosts`
 * (a name matches any port, `name:port` that port only). Without either it throws at creation:
 * a request's Host header alone never decides where a redirect points, nor what a cache keeps.
 */
export function locationOrigin(base: string | undefined, allowedHosts: unknown): LocationOrigin {
  if (allowedHosts !== undefined) {
    const valid =
      Array.isArray(allowedHosts) &&
      allowedHosts.length > 0 &&
      allowedHosts.every((host) => typeof host === 'string' && hostPattern.test(host));
    if (!valid) {
      throw new RedirectOptionsError(
        'allowedHosts',
        `${pkg}: option "allowedHosts" must be a non-empty list of host names (with an optional port), such as ["example.com", "www.example.com"].`,
      );
    }
  }
  if (base !== undefined) {
    const origin = new URL(base).origin;
    return () => origin;
  }
  if (allowedHosts === undefined) {
    throw new RedirectOptionsError(
      'base',
      `${pkg}: createRedirectProxy needs "base" (the site's origin, such as "https://example.com") or "allowedHosts" (the host names it answers for): a Location is never built from the request's Host header alone.`,
    );
  }
  const hosts = new Set((allowedHosts as string[]).map((host) => host.toLowerCase()));
  return (requestUrl) => {
    const url = new URL(requestUrl);
    const host = url.host.toLowerCase();
    return hosts.has(host) || hosts.has(url.hostname.toLowerCase()) ? url.origin : null;
  };
}
