import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package folder: commands run here, so fixture paths in output are relative to it. */
export const packageDir = fileURLToPath(new URL('..', import.meta.url));
// The committed launcher npm links as `redirects`; it runs dist/cli.js.
export const launcher = fileURLToPath(new URL('../bin/redirects.js', import.meta.url));
const binary = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// The binary imports core's build, as an installed copy would.
const coreBuild = fileURLToPath(new URL('../../redirect-core/dist/index.js', import.meta.url));

/** What the binary did. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the BUILT binary through its launcher (`node bin/redirects.js ...`, as npm's link does)
 * as a child process, asynchronously so servers
 * in the test process keep answering.
 */
export function redirects(args: string[], env: Record<string, string> = {}): Promise<Run> {
  if (!existsSync(binary) || !existsSync(coreBuild)) {
    throw new Error(
      '@org/redirect-cli tests: dist/cli.js or the redirect-core build is missing. Build first (or run `npx turbo run test --filter=@org/redirect-cli`): (cd packages/redirect-core && npx tsup) && (cd packages/redirect-cli && npx tsup)',
    );
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [launcher, ...args],
      { cwd: packageDir, env: { ...process.env, NO_COLOR: '', ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Parses `--json` output, failing the test with the raw text when it is not JSON. */
export function json<T = Record<string, unknown>>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** True when text has an ANSI escape (colours). */
export const hasAnsi = (text: string) => text.includes('\u001b[');
