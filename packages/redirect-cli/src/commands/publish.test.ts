import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnapshot } from '@org/redirect-redis';
import { freePort } from '@org/test-utils/port';
import { type RedisServer, startRedis } from '@org/test-utils/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../program';
import { type PublishReport, publish } from './publish';
import { rollback, versions } from './versions';

let redis: RedisServer;
const dir = mkdtempSync(join(tmpdir(), 'redirects-publish-'));
let count = 0;
const map = (text: string) => {
  const path = join(dir, `${++count}.redirects`);
  writeFileSync(path, text);
  return path;
};
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('redirects publish, versions, rollback (real Redis)', () => {
  it('publishes, prints the version and the rule diff, lists versions and rolls back', async () => {
    const flags = { redis: redis.url, key: 'redirects:cli', format: 'netlify' };
    const first = await publish(map('/a /one 301\n/b /two 301\n'), flags);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toContain('Published version 1 of redirects:cli: 2 rules');
    expect(first.stdout).toContain('2 added, 0 removed, 0 changed, 0 unchanged');
    // Netlify compares paths with their case: the published version says so to every instance.
    const snapshot = await readSnapshot({ url: redis.url, key: 'redirects:cli' });
    expect(snapshot?.matching).toMatchObject({ caseSensitive: true });

    const second = await publish(map('/a /one 308\n/c /three 301\n'), { ...flags, json: true });
    expect(second.exitCode).toBe(0);
    const report = JSON.parse(second.stdout) as PublishReport;
    expect(report).toMatchObject({ version: '2', previous: '1', rules: 2 });
    expect(report.diff.added.map((rule) => rule.from)).toEqual(['/c']);
    expect(report.diff.removed.map((rule) => rule.from)).toEqual(['/b']);
    expect(report.diff.changed.map(({ before, after }) => [before.status, after.status])).toEqual([
      [301, 308],
    ]);

    const listed = await versions({ ...flags, json: true });
    const list = JSON.parse(listed.stdout) as { current: string; versions: { version: string }[] };
    expect(list.current).toBe('2');
    expect(list.versions.map((v) => v.version)).toEqual(['2', '1']);
    const text = await versions(flags);
    expect(text.stdout).toMatch(/^\* +2 .* 2 rules/m);

    const back = await rollback('1', flags);
    expect(back).toMatchObject({ exitCode: 0 });
    expect(back.stdout).toContain('redirects:cli is now at version 1 (was 2).');
    expect(JSON.parse((await versions({ ...flags, json: true })).stdout).current).toBe('1');
    const missing = await rollback('42', flags);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('version 42 is not kept');
  });

  it('refuses a map with errors unless --force, and one that does not parse always', async () => {
    const flags = { redis: redis.url, key: 'redirects:cli-errors', format: 'netlify' };
    const loop = map('/a /b 301\n/b /a 301\n');
    const refused = await publish(loop, flags);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/loop/);
    expect(refused.stderr).toMatch(/not published: .* has 1 error\(s\); fix them or pass --force/);
    expect(JSON.parse((await versions({ ...flags, json: true })).stdout).versions).toEqual([]);

    const forced = await publish(loop, { ...flags, force: true });
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toContain('check: 1 error(s)');

    const broken = await publish(map('/a\n'), { ...flags, force: true });
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain('--force cannot publish them');
  });

  it('is wired into the binary: publish, versions and rollback through runCli', async () => {
    const out: string[] = [];
    const sink = { write: (chunk: string) => out.push(String(chunk)) > 0 };
    const io = { stdout: sink, stderr: sink, env: {} } as unknown as Parameters<typeof runCli>[1];
    const flags = ['--redis', redis.url, '--key', 'redirects:bin'];
    const file = map('/x /y 301\n');
    expect(await runCli(['publish', file, '--format', 'netlify', ...flags], io)).toBe(0);
    expect(out.join('')).toContain('Published version 1 of redirects:bin');
    expect(await runCli(['versions', ...flags, '--json'], io)).toBe(0);
    expect(await runCli(['rollback', '1', ...flags], io)).toBe(0);
    expect(await runCli(['publish', file], io)).toBe(2);
    expect(out.join('')).toMatch(/required option '--redis <url>' not specified/);
  });

  it('exits 3 when Redis cannot be reached', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const result = await versions({ redis: url, key: 'k' });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(/Redis: .*ECONNREFUSED/);
  });
});
