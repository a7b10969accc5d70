import {
  chooseStatus,
  type RedirectIntent,
  type RedirectStatus,
  redirectStatusCodes,
} from '@org/redirect-core/status';

/**
 * The intents `chooseStatus` understands, most common first. The snippets for a code use the
 * first intent that yields it, so a snippet can never show an intent that sends another code.
 */
const intents: readonly RedirectIntent[] = [
  { permanent: true },
  { permanent: false },
  { permanent: true, preserveMethod: false },
  { permanent: false, preserveMethod: false },
  { permanent: false, legacyClients: true },
  { permanent: true, legacyClients: true },
];

/** The simplest intent for which `chooseStatus` answers `code`. */
export function intentFor(code: RedirectStatus): RedirectIntent {
  const intent = intents.find((candidate) => chooseStatus(candidate) === code);
  if (!intent) throw new Error(`@org/docs: no intent gives ${code}; add one to lib/snippets.ts`);
  return intent;
}

/** An intent as TypeScript source: `{ permanent: true, preserveMethod: false }`. */
export function intentSource(intent: RedirectIntent): string {
  const fields = Object.entries(intent).map(([key, value]) => `${key}: ${String(value)}`);
  return `{ ${fields.join(', ')} }`;
}

/** A redirect-map rule with the same status: the intent fields where a rule has them. */
function ruleSource(code: RedirectStatus, intent: RedirectIntent): string {
  const fields = intent.legacyClients ? `status: ${code}` : intentSource(intent).slice(2, -2);
  return `{ from: '/old-path', to: '/new-path', ${fields} }`;
}

/** The frameworks a status page shows snippets for. */
export const frameworks = ['koa', 'fastify', 'express', 'hono', 'next'] as const;
export type Framework = (typeof frameworks)[number];

export const frameworkNames = {
  koa: 'Koa',
  fastify: 'Fastify',
  express: 'Express',
  hono: 'Hono',
  next: 'Next.js',
} as const satisfies Record<Framework, string>;

/** A snippet's file name and TypeScript source. */
export interface Snippet {
  readonly framework: Framework;
  readonly file: string;
  readonly code: string;
}

/**
 * How to send `code` with each adapter, generated from the intent that yields it. The test
 * `snippets.test.ts` type-checks every one against the adapters' sources.
 */
export function snippetsFor(code: RedirectStatus): Snippet[] {
  const intent = intentFor(code);
  const said = `// chooseStatus(${intentSource(intent)}) === ${code}`;
  return [
    {
      framework: 'koa',
      file: 'server.ts',
      code: `import { redirectTo } from '@org/redirect-koa';
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ${said}
  redirectTo(ctx, '/new-path', ${intentSource(intent)});
});
app.listen(3000);
`,
    },
    {
      framework: 'fastify',
      file: 'server.ts',
      code: `import { redirects } from '@org/redirect-fastify';
import Fastify from 'fastify';

const app = Fastify();
// A redirect map: answers ${code} for /old-path before any route runs.
await app.register(redirects, {
  rules: [${ruleSource(code, intent)}],
});
app.get('/legacy', (_request, reply) => {
  ${said}
  return reply.redirectTo('/new-path', ${intentSource(intent)});
});
await app.listen({ port: 3000 });
`,
    },
    {
      framework: 'express',
      file: 'server.ts',
      code: `import { redirects, redirectTo } from '@org/redirect-express';
import express from 'express';

const app = express();
// A redirect map: answers ${code} for /old-path before any route runs.
app.use(redirects([${ruleSource(code, intent)}]));
app.get('/legacy', (_req, res) => {
  ${said}
  redirectTo(res, '/new-path', ${intentSource(intent)});
});
app.listen(3000);
`,
    },
    {
      framework: 'hono',
      file: 'app.ts',
      code: `import { redirects, redirectTo } from '@org/redirect-hono';
import { Hono } from 'hono';

const app = new Hono();
// A redirect map: answers ${code} for /old-path before any route runs.
app.use('*', redirects([${ruleSource(code, intent)}]));
app.get('/legacy', (c) => {
  ${said}
  return redirectTo(c, '/new-path', ${intentSource(intent)});
});
// Cloudflare Workers, Deno and Bun serve the default export; on Node.js, @hono/node-server.
export default app;
`,
    },
    {
      framework: 'next',
      file: 'next.config.ts',
      code: `import { toNextConfigRedirects } from '@org/redirect-next';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // Answers ${code} for /old-path.
  async redirects() {
    return toNextConfigRedirects([${ruleSource(code, intent)}]);
  },
};

export default config;
`,
    },
  ];
}

/** Every redirect code with its snippets, for the test that type-checks them. */
export function allSnippets(): { code: RedirectStatus; snippets: Snippet[] }[] {
  return redirectStatusCodes.map((code) => ({ code, snippets: snippetsFor(code) }));
}
