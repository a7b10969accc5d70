import { toNextConfigRedirects } from '@org/redirect-next';
import type { NextConfig } from 'next';
import { configRules } from './config-rules';

const config: NextConfig = {
  typescript: { ignoreBuildErrors: true },
  async redirects() {
    return toNextConfigRedirects(configRules);
  },
};

export default config;
