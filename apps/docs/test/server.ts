import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@org/test-utils/port';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The built docs app, served by `next start` on 127.0.0.1. */
export interface DocsServer {
  readonly origin: string;
  stop(): Promise<void>;
}

/** Starts `next start` on a free port and waits until it answers. */
export async function startDocs(): Promise<DocsServer> {
  if (!existsSync(join(appDir, '.next', 'BUILD_ID'))) {
    throw new Error(
      '@org/docs: the app is not built. Run `npm run build -w @org/docs` (or `npx turbo run build --filter=@org/docs...`) first.',
    );
  }
  const port = await freePort();
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)],
    { cwd: appDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'pipe' },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`@org/docs: next start exited with ${code}:\n${output}`)),
    ),
  );
  const ready = (async () => {
    for (let attempt = 0; attempt < 600; attempt++) {
      try {
        const response = await fetch(`${origin}/`, { redirect: 'manual' });
        await response.arrayBuffer();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`@org/docs: next start did not answer on ${origin}:\n${output}`);
  })();
  await Promise.race([ready, exited]);
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
