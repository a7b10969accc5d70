import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedirectParseError } from '@org/redirect-core';
import { locationIn, until } from '@org/test-utils/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedirectSourceError } from '../errors';
import { createFileRedirectSource } from './index';

const scratch = mkdtempSync(join(tmpdir(), 'redirect-file-source-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;
const folder = () => {
  const dir = join(scratch, String(++count));
  mkdirSync(dir);
  return dir;
};

describe('createFileRedirectSource', () => {
  it('serves the file and swaps to each saved version, including rename-over saves', async () => {
    const file = join(folder(), '_redirects');
    writeFileSync(file, '/old /one 301\n');
    const source = await createFileRedirectSource({ file, debounceMs: 10 });
    try {
      const first = source.version;
      expect(first).toMatch(/^[0-9a-f]{12}$/);
      expect(locationIn(source.current().match({ url: '/old' }))).toBe('/one');

      const held = source.current();
      writeFileSync(file, '/old /two 302\n');
      expect(
        await until(() => locationIn(source.current().match({ url: '/old' })) === '/two'),
      ).toBe(true);
      expect(source.version).not.toBe(first);
      expect(locationIn(held.match({ url: '/old' }))).toBe('/one');

      // Editors write a temporary file and rename it over the original.
      writeFileSync(`${file}.tmp`, '/old /three 301\n');
      renameSync(`${file}.tmp`, file);
      expect(
        await until(() => locationIn(source.current().match({ url: '/old' })) === '/three'),
      ).toBe(true);
    } finally {
      source.close();
    }
  });

  it('keeps the last good map on a bad save, reports it once, and takes the next good one', async () => {
    const file = join(folder(), '_redirects');
    writeFileSync(file, '/old /good 301\n');
    const source = await createFileRedirectSource({ file, debounceMs: 10 });
    const errors: RedirectSourceError[] = [];
    source.on('error', (error) => errors.push(error));
    try {
      writeFileSync(file, '/old\n');
      expect(await until(() => errors.length > 0)).toBe(true);
      expect(errors[0]).toBeInstanceOf(RedirectSourceError);
      expect(errors[0]?.kind).toBe('file');
      expect(errors[0]?.cause).toBeInstanceOf(RedirectParseError);
      expect(errors[0]?.message).toContain('_redirects');
      expect(locationIn(source.current().match({ url: '/old' }))).toBe('/good');
      await source.reload();
      expect(errors).toHaveLength(1);

      writeFileSync(file, '/old /better 301\n');
      expect(
        await until(() => locationIn(source.current().match({ url: '/old' })) === '/better'),
      ).toBe(true);
    } finally {
      source.close();
    }
  });

  it('fails at start-up on a missing or bad file, naming it', async () => {
    const dir = folder();
    await expect(createFileRedirectSource({ file: join(dir, 'nope.json') })).rejects.toThrow(
      /nope\.json: cannot be read/,
    );
    const bad = join(dir, '_redirects');
    writeFileSync(bad, '/old\n');
    await expect(createFileRedirectSource({ file: bad })).rejects.toMatchObject({ kind: 'file' });
  });
});
