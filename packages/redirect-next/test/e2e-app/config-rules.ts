import type { RedirectRule } from '@org/redirect-core';

// Config redirects: one rule per status, plus parameters, a wildcard and `has` conditions.
export const configRules: RedirectRule[] = [
  { from: '/config/permanent', to: '/target', permanent: true },
  { from: '/config/temporary', to: '/target' },
  { from: '/config/moved', to: '/target', status: 301 },
  { from: '/config/found', to: '/target', status: 302 },
  { from: '/config/see-other', to: '/target', permanent: false, preserveMethod: false },
  { from: '/config/blog/:slug', to: '/articles/:slug', permanent: true },
  { from: '/config/docs/*', to: '/handbook/:splat', status: 301 },
  { from: '/config/campaign', to: '/target', status: 302, query: { ref: 'mail' } },
  { from: '/config/host', to: '/target', status: 301, host: 'old.example' },
];
