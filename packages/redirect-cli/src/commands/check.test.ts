import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from './check';

// A map large enough for the progress bar (over 256 KiB).
const dir = mkdtempSync(join(tmpdir(), 'redirects-progress-'));
const file = join(dir, '_redirects');
writeFileSync(
  file,
  Array.from({ length: 12_000 }, (_, i) => `/page-${i} /new/page-${i} 301!`).join('\n'),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stream = (isTTY: boolean) => {
  const chunks: string[] = [];
  const sink = {
    isTTY,
    columns: 80,
    chunks,
    write: (chunk: string) => chunks.push(String(chunk)) > 0,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => sink,
    removeListener: () => sink,
  };
  return sink as unknown as NodeJS.WritableStream & { isTTY: boolean; chunks: string[] };
};

describe('check progress', () => {
  it('draws a bar on a terminal stderr, never on stdout', async () => {
    const progress = stream(true);
    const result = await check(file, { progress });
    expect(result.exitCode).toBe(0);
    expect(progress.chunks.join('')).toContain('checking [');
    expect(result.stdout).not.toContain('checking [');
    expect(result.stdout).toContain('in 12000 rules (netlify)');
  });

  it('draws nothing when stderr is not a terminal, or with --json', async () => {
    const piped = stream(false);
    await check(file, { progress: piped });
    expect(piped.chunks).toEqual([]);
    const json = stream(true);
    await check(file, { progress: json, json: true });
    expect(json.chunks).toEqual([]);
  });
});
