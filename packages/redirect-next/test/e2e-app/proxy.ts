import { createRedirectProxy } from '@org/redirect-next';

// The large-map path: one lookup per request, exact statuses and cache headers.
export const proxy = createRedirectProxy(
  [
    { from: '/proxy/permanent', to: '/target', permanent: true },
    { from: '/proxy/moved', to: '/target', status: 301 },
    { from: '/proxy/see-other', to: '/target', status: 303, methods: ['POST'] },
    { from: '/proxy/temporary', to: '/target', status: 307 },
    { from: '/proxy/away', to: 'https://example.com/elsewhere', status: 302 },
    { from: '/proxy/docs/*', to: '/handbook/:splat', permanent: true },
    { from: '/proxy/go/*', to: '/:splat', status: 302 },
    { from: '/proxy/café', to: '/target/crème', status: 301 },
  ],
  // The test server listens on 127.0.0.1 on a free port: Locations use that origin.
  {
    cache: { permanentMaxAge: 600, temporary: 'no-store' },
    allowedHosts: ['127.0.0.1', 'localhost'],
  },
);

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
