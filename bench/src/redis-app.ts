// The app of the Redis benchmark, as its own process: Koa with the redirect middleware on a
// Redis source. argv: <redis url> <key>. Prints its port, then one line per swap.
import { redirects } from '@org/redirect-koa';
import { createRedisRedirectSource } from '@org/redirect-redis';
import Koa from 'koa';

const [url, key] = process.argv.slice(2) as [string, string];
const source = await createRedisRedirectSource({ url, key, pollIntervalMs: 0 });
source.on('error', (error) => console.error(error.message));
const app = new Koa();
app.use(redirects(source));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
