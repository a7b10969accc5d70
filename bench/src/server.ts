// A benchmark server, started as its own process (pinned to its own core by the runner).
// argv: <koa|fastify|express|hono> <bare|plugin|handwritten|equivalent|equivalent-middleware|noop|wrapped> <rule count>
// (noop: a middleware or hook that only calls next(); wrapped: Hono behind withRedirects)
// Each server loads only its own framework and adapter, as an app does: with all four loaded in
// one process, the Fastify plugin measured 0.72-0.76x of bare, against 0.98-0.99x alone.
import type { RedirectRule } from '@org/redirect-core';
import { generateRules, hitIndex, hitPath } from './rules';

const [framework, mode, count] = process.argv.slice(2);
// Rule i depends on i alone: the hit rule without building the map's rules.
const hitRule = generateRules(hitIndex + 1)[hitIndex]!;
if (hitRule.from !== hitPath)
  throw new Error(`bench: rule ${hitIndex} is ${hitRule.from}, not ${hitPath}`);

// `equivalent`: the same answer as the adapter's, written by hand: status, Location,
// Cache-Control and the short HTML note (RFC 9110 section 15.4). The runner checks the bytes.
const note = `<!doctype html>\n<meta charset="utf-8">\n<title>Redirecting</title>\n<p>Redirecting to <a href="${hitRule.to}">${hitRule.to}</a>.</p>\n`;
const html = 'text/html; charset=utf-8';
const cacheControl = 'max-age=3600';

/**
 * The map's rules. Every mode holds them (an app has its rules whether or not it uses the
 * adapter), so both servers of a pair carry the same rule objects and only the adapter's index
 * differs. They are built after the framework and the adapter are loaded, as in an app, whose
 * static imports run before its code: built before them, the same Koa build measured 0.90-0.99x
 * (median 0.96) on the non-matching pair, against 0.94-1.05x (median 0.99) built after (13
 * launches each, interleaved).
 */
let rules: RedirectRule[] = [];
function buildRules(): void {
  rules = generateRules(Number(count ?? 100_000));
}

async function fastify() {
  const { default: Fastify } = await import('fastify');
  const { redirects: fastifyRedirects } = await import('@org/redirect-fastify');
  buildRules();
  const app = Fastify({ logger: false });
  if (mode === 'plugin') await app.register(fastifyRedirects, { rules });
  if (mode === 'noop') app.addHook('onRequest', (_request, _reply, next) => next());
  app.get('/hello', async () => 'hello');
  if (mode === 'handwritten') {
    app.get(hitRule.from, (_request, reply) => reply.redirect(hitRule.to, 301));
  }
  if (mode === 'equivalent') {
    app.get(hitRule.from, (_request, reply) =>
      reply
        .code(301)
        .header('location', hitRule.to)
        .header('cache-control', cacheControl)
        .type(html)
        .send(note),
    );
  }
  return app.listen({ host: '127.0.0.1', port: 0 }).then(() => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
}

async function koa() {
  const { default: Koa } = await import('koa');
  const { redirects: koaRedirects } = await import('@org/redirect-koa');
  buildRules();
  const app = new Koa();
  if (mode === 'plugin') app.use(koaRedirects(rules));
  if (mode === 'noop') app.use((_ctx, next) => next());
  app.use(async (ctx, next) => {
    if (mode === 'handwritten' && ctx.path === hitRule.from) {
      ctx.status = 301;
      ctx.redirect(hitRule.to);
      return;
    }
    if (mode === 'equivalent' && ctx.path === hitRule.from) {
      ctx.status = 301;
      ctx.set('location', hitRule.to);
      ctx.set('cache-control', cacheControl);
      ctx.type = html;
      ctx.body = note;
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
  buildRules();
  const app = express();
  if (mode === 'plugin') app.use(expressRedirects(rules));
  if (mode === 'noop') app.use((_req, _res, next) => next());
  if (mode === 'handwritten') {
    app.get(hitRule.from, (_req, res) => res.redirect(301, hitRule.to));
  }
  if (mode === 'equivalent') {
    app.get(hitRule.from, (_req, res) => {
      res.status(301).set({ location: hitRule.to, 'cache-control': cacheControl }).type(html);
      res.send(note);
    });
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
  buildRules();
  const app = new Hono();
  if (mode === 'plugin') app.use('*', honoRedirects(rules));
  if (mode === 'noop') app.use('*', (_c, next) => next());
  if (mode === 'handwritten') app.get(hitRule.from, (c) => c.redirect(hitRule.to, 301));
  if (mode === 'equivalent') {
    app.get(hitRule.from, (c) =>
      c.html(note, 301, { location: hitRule.to, 'cache-control': cacheControl }),
    );
  }
  // The same answer from a hand-written middleware, where redirects() sits.
  if (mode === 'equivalent-middleware') {
    app.use('*', async (c, next) => {
      if (c.req.path !== hitRule.from) return next();
      return c.html(note, 301, { location: hitRule.to, 'cache-control': cacheControl });
    });
  }
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
