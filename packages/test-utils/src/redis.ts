// A real Redis for the tests: Debian's redis-server on a free port with its own data folder,
// no persistence. One per test file; `kill()` and `restart()` drive the fault tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './port';

const binary = '/usr/bin/redis-server';

/** A running redis-server. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** SIGKILL, as a crash: clients see the connection drop. Data is lost (no persistence). */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  stop(): Promise<void>;
}

/** How to start it: `port` (default: a free one), `cpus` to pin it with taskset (benchmarks). */
export interface RedisOptions {
  readonly port?: number;
  readonly cpus?: string;
  /** Who needs it, for the error when redis-server is missing. */
  readonly who?: string;
}

function launch(port: number, dir: string, cpus: string | undefined): Promise<ChildProcess> {
  const args = [
    '--save',
    '',
    '--appendonly',
    'no',
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
  ];
  const child =
    cpus === undefined
      ? spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('taskset', ['-c', cpus, binary, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start within 10 s:\n${output}`));
    }, 10_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk;
    });
  });
}

/** Starts redis-server on a free port; fails with the install command when it is missing. */
export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
  if (!existsSync(binary)) {
    throw new Error(
      `${options.who ?? '@org/redirect-redis tests'} need Debian's redis-server at ${binary}: apt-get update && apt-get install -y redis-server`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'redirect-redis-'));
  const port = options.port ?? (await freePort());
  let child: ChildProcess | undefined = await launch(port, dir, options.cpus);
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: async () => {
      await kill();
      child = await launch(port, dir, options.cpus);
    },
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `condition` every 10 ms until it holds or `timeoutMs` passes; returns whether it held. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return condition();
}

/** The Location a map answer carries, or `undefined` (no match, or an answer without one). */
export function locationIn(answer: object | null | undefined): string | undefined {
  return answer && 'location' in answer ? String(answer.location) : undefined;
}
