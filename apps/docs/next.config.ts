import { toNextConfigRedirects } from '@org/redirect-next';
import type { NextConfig } from 'next';
import { configRedirects } from './lib/legacy-redirects';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` type-checks the app as its own task; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  async redirects() {
    return toNextConfigRedirects(configRedirects);
  },
};

export default config;
