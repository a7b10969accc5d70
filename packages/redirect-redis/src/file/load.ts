import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  createRedirectMap,
  detectFormat,
  type ParseableFormat,
  parseRedirects,
  type RedirectMap,
  type RedirectMapOptions,
} from '@org/redirect-core';
import { messageOf, RedirectSourceError } from '../errors';

/** A redirect file read, parsed and compiled, with a version that changes with its content. */
export interface LoadedFile {
  readonly map: RedirectMap;
  /** The first 12 hex digits of the SHA-256 of the file's bytes. */
  readonly version: string;
}

/**
 * Reads, parses and compiles a redirect file (`_redirects`, Vercel/Next.js JSON, CSV or our
 * JSON; the format is detected unless given).
 *
 * @throws `RedirectSourceError` of kind `file` naming the file and the problem (core's parse or
 *   config error, with the line, is its `cause`).
 */
export async function loadRedirectFile(
  file: string,
  options: { format?: ParseableFormat; mapOptions?: Omit<RedirectMapOptions, 'origins'> } = {},
): Promise<LoadedFile> {
  const fail = (reason: string, cause?: unknown, version?: string) =>
    new RedirectSourceError('file', `@org/redirect-redis: ${file}: ${reason}`, { cause, version });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw fail(`cannot be read (${messageOf(error)})`, error);
  }
  const version = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const format = options.format ?? detectFormat(text, basename(file));
  if (!format) throw fail('cannot tell its format; pass `format`', undefined, version);
  try {
    const parsed = parseRedirects(text, format, { file });
    // The host's own matching (Netlify compares paths with their case...), unless overridden.
    const mapOptions = { ...parsed.options, ...options.mapOptions, origins: parsed.origins };
    return { map: createRedirectMap(parsed.rules, mapOptions), version };
  } catch (error) {
    throw fail(messageOf(error), error, version);
  }
}
