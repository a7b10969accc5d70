import type { RedirectRule } from '@org/redirect-core/map';
import { statusCodes } from '@org/redirect-core/status';

/**
 * The docs app's own old URLs, served through `@org/redirect-next` so the docs app is also a
 * real-world test of the Next.js adapter; the browser tests check each status and Location.
 *
 * `next.config.ts` turns these into config redirects with `toNextConfigRedirects`.
 */
export const configRedirects: readonly RedirectRule[] = [
  // Short links to every code page: permanent and GET-only, so 308 (chooseStatus's answer).
  ...statusCodes.map((code) => ({ from: `/${code}`, to: `/status/${code}`, permanent: true })),
  // An earlier URL scheme, moved for good: 301 for crawlers that predate 308.
  { from: '/codes/:code', to: '/status/:code', status: 301 },
  { from: '/which-redirect', to: '/chooser', permanent: true },
  // A temporary alias: the reference may move again.
  { from: '/api-reference', to: '/reference', permanent: false },
];

/**
 * Old URLs answered by `proxy.ts` with `createRedirectProxy` (one map lookup per request, the
 * way a site with thousands of redirects would do it). The `matcher` in `proxy.ts` keeps the
 * proxy off every other path.
 */
export const proxyRedirects: readonly RedirectRule[] = [
  { from: '/docs/status/:code', to: '/status/:code', permanent: true },
  { from: '/docs/*', to: '/:splat', status: 301 },
  { from: '/simulate', to: '/simulator', status: 302 },
];
