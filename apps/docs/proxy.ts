import { createRedirectProxy } from '@org/redirect-next';
import { proxyRedirects } from './lib/legacy-redirects';

/** Old `/docs/...` URLs, answered from a redirect map before any page renders. */
// The hosts it answers on: a Location never takes its origin from the Host header alone. Add the
// deployed host name here when the app is served elsewhere.
export const proxy = createRedirectProxy(proxyRedirects, {
  allowedHosts: ['localhost', '127.0.0.1'],
});

// Literal, as Next.js reads it at build time: the paths of `proxyRedirects` only.
export const config = {
  matcher: ['/docs/:path*', '/simulate'],
};
