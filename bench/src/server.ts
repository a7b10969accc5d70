// A benchmark server, started as its own process (pinned to its own core by the runner).
// argv: <koa|fastify> <bare|plugin|handwritten> <rule count>
import { redirects as fastifyRedirects } from '@org/redirect-fastify';
import { redirects as koaRedirects } from '@org/redirect-koa';
import Fastify from 'fastify';
import Koa from 'koa';
import { generateRules } from './rules';

const [framework, mode, count] = process.argv.slice(2);
const rules = generateRules(Number(count ?? 100_000));
const hitRule = rules[7]!; // an exact rule: /e7/page-7

async function fastify() {
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

const port = framework === 'fastify' ? await fastify() : await koa();
process.stdout.write(`${port}\n`);
