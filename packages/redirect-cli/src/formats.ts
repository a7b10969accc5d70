import {
  type ParseableFormat,
  type RedirectFormat,
  RedirectParseError,
} from '@org/redirect-core/formats';
import { RedirectConfigError } from '@org/redirect-core/map';
import { z } from 'zod';

/**
 * Formats `check` and `convert` read. `next` is what `redirects()` in next.config returns (core's
 * `next`: Next's own trailing-slash redirect first, `permanent` or `statusCode` required);
 * `vercel` a vercel.json (308 by default, no trailing-slash redirect); `netlify-toml` the
 * `[[redirects]]` of a netlify.toml.
 */
export const readFormats = ['json', 'csv', 'netlify', 'netlify-toml', 'vercel', 'next'] as const;

/** Formats `convert` writes. */
export const writeFormats = [...readFormats, 'nginx'] as const;

/** A format name as the CLI accepts it. */
export type CliFormat = (typeof writeFormats)[number];

/** A format name the CLI reads. */
export type ReadFormat = (typeof readFormats)[number];

/** Core's name for a CLI format name: the same name, each with its host's own semantics. */
export function coreFormat(format: ReadFormat): ParseableFormat;
export function coreFormat(format: CliFormat): RedirectFormat;
export function coreFormat(format: CliFormat): RedirectFormat {
  return format;
}

/** zod schema of `--format` and `--from`. */
export const readFormatSchema = z.enum(readFormats, {
  error: `the format is one of ${readFormats.join(', ')}`,
});

/** zod schema of `--to`. */
export const writeFormatSchema = z.enum(writeFormats, {
  error: `the format is one of ${writeFormats.join(', ')}`,
});

/** A problem in a redirect file, with its 1-based line when known. */
export interface Problem {
  readonly line?: number;
  readonly message: string;
}

/**
 * The problems behind an error thrown while reading or validating a map: every issue of a
 * `RedirectParseError` or `RedirectConfigError` with its line, or the message of anything else.
 */
export function problemsOf(error: unknown): Problem[] {
  if (error instanceof RedirectParseError || error instanceof RedirectConfigError) {
    return error.issues.map((issue) => ({
      ...(issue.line === undefined ? {} : { line: issue.line }),
      message: `${issue.line === undefined ? `rule ${issue.index + 1}: ` : ''}${issue.field ? `${issue.field}: ` : ''}${issue.message}`,
    }));
  }
  return [{ message: error instanceof Error ? error.message : String(error) }];
}
