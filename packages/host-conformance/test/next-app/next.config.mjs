import { readFileSync } from 'node:fs';

// The redirects under test, exactly as the differential test reads them.
const redirects = JSON.parse(
  readFileSync(new URL('../fixtures/next-redirects.json', import.meta.url), 'utf8'),
);

export default {
  typescript: { ignoreBuildErrors: true },
  async redirects() {
    return redirects;
  },
};
