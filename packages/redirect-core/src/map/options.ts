import * as z from 'zod/mini';
import { inEnglish } from '../validation/lazy-schema';
import { cachePolicySchema } from './cache';
import type { ConfigIssue, RedirectMapOptions } from './types';

const PREFIX = '@org/redirect-core';

/** The bounds of `maxLocationLength`: room for an origin and a path; no more than 64 KiB. */
const MIN_LOCATION_LENGTH = 64;
const MAX_LOCATION_LENGTH = 65_536;
const LENGTH_MESSAGE = `maxLocationLength must be a whole number of characters from ${MIN_LOCATION_LENGTH} to ${MAX_LOCATION_LENGTH}; the default is 2048.`;

// Built on the first map, not on import: zod schemas are values a bundler must keep.
let schema: z.ZodMiniType | undefined;
function optionsSchema(): z.ZodMiniType {
  schema ??= z.strictObject({
    cache: z.optional(cachePolicySchema),
    base: z.optional(
      z.string().check(
        z.refine(
          (value) => {
            try {
              const url = new URL(value);
              return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '';
            } catch {
              return false;
            }
          },
          { error: 'base must be an absolute http(s) URL such as "https://example.com".' },
        ),
      ),
    ),
    origins: z.optional(
      z.custom<readonly unknown[]>((value) => Array.isArray(value), {
        error: 'origins must be an array with one { line, file? } (or undefined) per rule.',
      }),
    ),
    caseSensitive: z.optional(z.boolean()),
    trailingSlash: z.optional(z.enum(['ignore', 'strict'])),
    maxLocationLength: z.optional(
      z
        .number()
        .check(
          z.int({ error: LENGTH_MESSAGE }),
          z.minimum(MIN_LOCATION_LENGTH, { error: LENGTH_MESSAGE }),
          z.maximum(MAX_LOCATION_LENGTH, { error: LENGTH_MESSAGE }),
        ),
    ),
  });
  return schema;
}

/**
 * The issues with a map's options (field `options.<name>`, index -1), empty when they are
 * valid.
 */
export function checkMapOptions(options: RedirectMapOptions | undefined): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const parsed = optionsSchema().safeParse(options ?? {}, inEnglish());
  if (parsed.success) return issues;
  for (const issue of parsed.error.issues) {
    const field = ['options', ...issue.path.map(String)].join('.');
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown option${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}; the options are cache, base, origins, caseSensitive, trailingSlash, maxLocationLength.`
        : issue.message;
    issues.push({ index: -1, field, message: `${PREFIX}: ${message}` });
  }
  return issues;
}
