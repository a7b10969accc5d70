import { z } from 'zod';

// RFC 9110 §5.6.2 token for the name; no CR, LF or NUL in the value.
const headerSchema = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+:[^\r\n\0]*$/, {
    error: 'write a header as "name: value", for example "authorization: Bearer x"',
  })
  .transform((raw): [string, string] => {
    const colon = raw.indexOf(':');
    return [raw.slice(0, colon).trim().toLowerCase(), raw.slice(colon + 1).trim()];
  });

/** The result of reading `--header` values: the pairs, or the first bad one with the reason. */
export type HeaderParse =
  | { readonly ok: true; readonly headers: [string, string][] }
  | { readonly ok: false; readonly message: string };

/** Reads repeated `--header "name: value"` options into lower-cased `[name, value]` pairs. */
export function parseHeaderOptions(raw: readonly string[] | undefined): HeaderParse {
  const headers: [string, string][] = [];
  for (const item of raw ?? []) {
    const parsed = headerSchema.safeParse(item);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'invalid header';
      return { ok: false, message: `--header ${JSON.stringify(item)}: ${reason}` };
    }
    headers.push(parsed.data);
  }
  return { ok: true, headers };
}
