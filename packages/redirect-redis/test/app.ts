// One app instance of the fleet tests, run as its own process: Koa or Fastify with the
// redirect middleware on a Redis source. argv: <koa|fastify> <redis url> <key>.
// GET /__source answers what the instance holds: version, connection, reported errors.
import { redirects as fastifyRedirects } from '@org/redirect-fastify';
import { redirects as koaRedirects } from '@org/redirect-koa';
import Fastify from 'fastify';
import Koa from 'koa';
import { createRedisRedirectSource, type RedirectSourceError } from '../src/index';

const [framework, url, key] = process.argv.slice(2) as [string, string, string];
const source = await createRedisRedirectSource({
  url,
  key,
  backoff: { minDelayMs: 50, maxDelayMs: 500 },
});
const errors: { kind: string; version: string | undefined; message: string }[] = [];
source.on('error', (error: RedirectSourceError) =>
  errors.push({ kind: error.kind, version: error.version, message: error.message }),
);
// When the map in use last changed, on this machine's clock (the test compares it with the
// moment the publish was acknowledged).
let swappedAt = 0;
source.on('update', () => {
  swappedAt = Date.now();
});
const state = () => ({ version: source.version, connected: source.connected, swappedAt, errors });

let port: number;
if (framework === 'koa') {
  const app = new Koa();
  app.use(async (ctx, next) => {
    if (ctx.path !== '/__source') return next();
    ctx.body = state();
  });
  app.use(koaRedirects(source));
  port = await new Promise<number>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
} else {
  const app = Fastify({ logger: false });
  await app.register(fastifyRedirects, { map: source });
  app.get('/__source', async () => state());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
}
process.stdout.write(`${JSON.stringify({ port })}\n`);
