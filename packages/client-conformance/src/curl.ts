// Debian's curl, run as a user would: `curl -L`, with the method implied by the options
// (`-I`, `--data-binary`, `-T`) or forced with `-X`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver, Send } from './node-clients';

export const curlPath = '/usr/bin/curl';

/** Fails loudly, with the command that fixes it, when curl is missing. */
export function requireCurl(): void {
  if (!existsSync(curlPath)) {
    throw new Error(
      `@org/client-conformance: the conformance suite needs curl at ${curlPath}. Install it with: apt-get update && apt-get install -y curl`,
    );
  }
}

function run(args: readonly string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(curlPath, args, { timeout: 20_000 }, (_error, stdout) => resolve(String(stdout)));
  });
}

/** The installed version, e.g. "7.88.1". */
export async function curlVersion(): Promise<string> {
  const text = await run(['--version']);
  return /^curl (\S+)/.exec(text)?.[1] ?? 'unknown';
}

/** The methods `curl -L` can send without `-X`: GET, HEAD (`-I`), POST (`-d`), PUT (`-T`). */
export const impliedMethods = ['GET', 'HEAD', 'POST', 'PUT'] as const;

let uploadFile: string | undefined;

// Every body the cells send is the same, so one file serves every -T upload.
function upload(body: string): string {
  if (uploadFile === undefined) {
    uploadFile = join(mkdtempSync(join(tmpdir(), 'conformance-')), 'body.txt');
    writeFileSync(uploadFile, body);
  }
  return uploadFile;
}

/** The options of one request: `-X` forced (`curl-x`) or the method implied by the options. */
function requestArgs(ports: readonly number[], send: Send, forced: boolean): string[] {
  // curl resolves localhost itself; api.localhost is pinned to loopback like the Node clients.
  const args = ['-sS', '-L', '-o', '/dev/null', '--max-time', '15'];
  for (const port of ports) {
    args.push('--resolve', `api.localhost:${port}:127.0.0.1`);
    args.push('--resolve', `localhost:${port}:127.0.0.1`);
  }
  for (const [name, value] of Object.entries(send.headers)) args.push('-H', `${name}: ${value}`);
  if (send.method === 'HEAD') args.push('-I');
  else if (forced) {
    args.push('-X', send.method);
    if (send.body !== undefined) args.push('--data-binary', send.body);
  } else if (send.method === 'POST') args.push('--data-binary', send.body ?? '');
  else if (send.method === 'PUT') args.push('-T', upload(send.body ?? ''));
  else if (send.method !== 'GET') throw new Error(`curl cannot imply ${send.method}`);
  args.push(send.url);
  return args;
}

/**
 * Sends every request with one curl process (`--parallel`, each request in its own `--next`
 * section with its own options), so a matrix costs a few process starts, not hundreds.
 */
export async function curlBatch(
  ports: readonly number[],
  sends: readonly Send[],
  forced: boolean,
): Promise<void> {
  const chunk = 60;
  const runs: Promise<string>[] = [];
  for (let i = 0; i < sends.length; i += chunk) {
    const args = ['--parallel', '--parallel-max', '30'];
    sends.slice(i, i + chunk).forEach((send, index) => {
      if (index > 0) args.push('--next');
      args.push(...requestArgs(ports, send, forced));
    });
    runs.push(run(args));
  }
  await Promise.all(runs);
}

/** One request, `curl -L` with the method implied by its options or forced with `-X`. */
export function curlDriver(ports: readonly number[], forced: boolean): Driver {
  return async (send) => {
    await run(requestArgs(ports, send, forced));
  };
}
