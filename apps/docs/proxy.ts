import { createRedirectProxy } from '@org/redirect-next';
import { proxyRedirects } from './lib/legacy-redirects';

/** Old `/docs/...` URLs, answered from a redirect map before any page renders. */
export const proxy = createRedirectProxy(proxyRedirects);

// Literal, as Next.js reads it at build time: the paths of `proxyRedirects` only.
export const config = {
  matcher: ['/docs/:path*', '/simulate'],
};
