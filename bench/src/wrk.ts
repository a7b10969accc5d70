import { execFileSync } from 'node:child_process';

/** What one wrk run measured. */
export interface WrkResult {
  readonly requestsPerSecond: number;
  readonly requests: number;
}

/**
 * Fails loudly unless wrk (Debian's package) is on the PATH: the adapter benchmark needs a load
 * generator faster than the server it measures.
 */
export function requireWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk prints its usage and exits 1 for --version; only a missing binary is a failure.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('bench: wrk is missing; install it with: apt-get install -y wrk');
    }
  }
}

/**
 * Load from wrk (one thread, `connections` keep-alive connections) pinned to core 1, for
 * `seconds`. wrk is written in C: a Node.js load generator on one core was slower than the
 * servers it measured (they idled a third of the time), so it measured itself reading answers.
 * Throws on socket errors or on any answer other than 2xx/3xx.
 */
export function wrk(url: string, connections: number, seconds: number): WrkResult {
  const out = execFileSync(
    'taskset',
    ['-c', '1', 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, url],
    { encoding: 'utf8' },
  );
  const errors = /Socket errors: (.*)/.exec(out) ?? /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (errors) throw new Error(`bench: wrk saw errors on ${url}: ${errors[0]}`);
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  if (!rate || !total) throw new Error(`bench: could not read wrk's output:\n${out}`);
  return { requestsPerSecond: Number(rate[1]), requests: Number(total[1]) };
}
