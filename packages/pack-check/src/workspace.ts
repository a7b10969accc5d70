import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root folder. */
export const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** A workspace package that is published. */
export interface PublicPackage {
  name: string;
  dir: string;
  manifest: { name: string; version: string; private?: boolean; bin?: Record<string, string> };
}

/** Every package under packages/ that is not private. */
export function publicPackages(): PublicPackage[] {
  const base = join(root, 'packages');
  return readdirSync(base)
    .map((entry) => join(base, entry))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }));
}
