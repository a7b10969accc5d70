// A benchmark server, started as its own process (pinned to its own core by the runner).
// argv: <koa|fastify|express|hono> <bare|plugin|handwritten|noop|wrapped> <rule count>
// (noop: Hono with a middleware that only calls next(); wrapped: Hono behind withRedirects)
// Each server loads only its own framework and adapter, as an app does: with all four loaded in
// one process, the Fastify plugin measured 0.72-0.76x of bare, against 0.98-0.99x alone.
import { generateRules, hitIndex, hitPath } from './rules';

const [framework, mode, count] = process.argv.slice(2);
const rules = generateRules(Number(count ?? 100_000));
const hitRule = rules[hitIndex]!;
if (hitRule.from !== hitPath)
  throw new Error(`bench: rule ${hitIndex} is ${hitRule.from}, not ${hitPath}`);

async function fastify() {
  const { default: Fastify } = await import('fastify');
  const { redirects: fastifyRedirects } = await import('@org/redirect-fastify');
  const app = Fastify({ logger: false });
  if (mode === 'plugin') await app.register(fastifyRedirects, { rules });
  app.get('/hello', async () => 'hello');
  if (mode === 'handwritten') {
    app.get(hitRule.from, (_request, reply) => reply.redirect(hitRule.to, 301));
  }
  return app.listen({ host: '127.0.0.1', port: 0 }).then(() => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
}

async function koa() {
  const { default: Koa } = await import('koa');
  const { redirects: koaRedirects } = await import('@org/redirect-koa');
  const app = new Koa();
  if (mode === 'plugin') app.use(koaRedirects(rules));
  app.use(async (ctx, next) => {
    if (mode === 'handwritten' && ctx.path === hitRule.from) {
      ctx.status = 301;
      ctx.redirect(hitRule.to);
      return;
    }
    if (ctx.path === '/hello') {
      ctx.body = 'hello';
      return;
    }
    await next();
  });
  return new Promise<number>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

async function expressApp() {
  const { default: express } = await import('express');
  const { redirects: expressRedirects } = await import('@org/redirect-express');
  const app = express();
  if (mode === 'plugin') app.use(expressRedirects(rules));
  if (mode === 'handwritten') {
    app.get(hitRule.from, (_req, res) => res.redirect(301, hitRule.to));
  }
  app.get('/hello', (_req, res) => {
    res.send('hello');
  });
  return new Promise<number>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

async function hono() {
  const { Hono } = await import('hono');
  const { serve } = await import('@hono/node-server');
  const { redirects: honoRedirects, withRedirects } = await import('@org/redirect-hono');
  const app = new Hono();
  if (mode === 'plugin') app.use('*', honoRedirects(rules));
  if (mode === 'noop') app.use('*', (_c, next) => next());
  if (mode === 'handwritten') app.get(hitRule.from, (c) => c.redirect(hitRule.to, 301));
  app.get('/hello', (c) => c.text('hello'));
  const fetch = mode === 'wrapped' ? withRedirects(app, rules) : app.fetch;
  return new Promise<number>((resolve) => {
    serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(info.port));
  });
}

const starters: Record<string, () => Promise<number>> = { fastify, koa, express: expressApp, hono };
const start = starters[framework ?? ''];
if (start === undefined) throw new Error(`bench: no server for framework ${framework}`);
const port = await start();
process.stdout.write(`${port}\n`);
