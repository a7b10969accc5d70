import { readFileSync } from 'node:fs';

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

// The redirects under test, exactly as the differential test reads them.
const redirects = read('../fixtures/next-redirects.json');

// Real public vercel.json / Next.js lists (../fixtures/real/SOURCES.md), one build for all: each
// list answers only its own host (`<id>.real.test`), and a request of those hosts that no entry
// of its list matches is sent to /unmatched-real (read as "no match" by the test). Vercel's
// default status (308) is spelled out as `permanent: true`, which `next build` requires.
const realHost = (id) => ({ type: 'host', value: `${id.replaceAll('.', '\\.')}\\.real\\.test` });
const real = read('../fixtures/real/next-lists.json').flatMap(({ id, file }) => {
  const data = read(`../fixtures/real/${file}`);
  const entries = Array.isArray(data) ? data : data.redirects;
  return entries.map((entry) => ({
    ...(entry.permanent === undefined && entry.statusCode === undefined ? { permanent: true } : {}),
    ...entry,
    has: [...(entry.has ?? []), realHost(id)],
  }));
});
const unmatched = {
  source: '/:path*',
  has: [{ type: 'host', value: '.*\\.real\\.test' }],
  destination: '/unmatched-real',
  permanent: false,
};

export default {
  typescript: { ignoreBuildErrors: true },
  async redirects() {
    return [...real, unmatched, ...redirects];
  },
};
