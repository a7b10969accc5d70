import { readFileSync } from 'node:fs';
import { RedirectParseError } from './errors';

/** Reads a file of test/fixtures. For tests only. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');
}

/** The RedirectParseError `run` throws; fails the test when it throws nothing or another error. */
export function parseError(run: () => unknown): RedirectParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof RedirectParseError) return error;
    throw error;
  }
  throw new Error('expected a RedirectParseError');
}
