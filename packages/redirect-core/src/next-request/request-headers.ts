import { type HeadersLike, headerList } from '../headers/headers';

/** `[name, value]` pairs with lower-cased names, or why the input is not headers. */
export type HeaderPairs =
  | { readonly ok: true; readonly list: [string, string][] }
  | { readonly ok: false; readonly message: string };

// RFC 9110 §5.1: a field name is a token (tested once lower-cased). Names most requests carry
// are listed, so that they skip lower-casing and the test. Loops, not regexes: names and values
// are unbounded input.
const tokenChars = new Uint8Array(128);
for (const char of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz") {
  tokenChars[char.charCodeAt(0)] = 1;
}

/** Whether `name` (lower-cased) is a non-empty token. */
export function isLowerToken(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 128 || tokenChars[code] === 0) return false;
  }
  return true;
}
const commonNames: ReadonlySet<string> = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'authorization',
  'cache-control',
  'connection',
  'content-encoding',
  'content-language',
  'content-length',
  'content-location',
  'content-type',
  'cookie',
  'host',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'location',
  'origin',
  'pragma',
  'proxy-authorization',
  'range',
  'referer',
  'referrer-policy',
  'transfer-encoding',
  'user-agent',
  'x-forwarded-for',
  'x-request-id',
]);

function isHttpWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** `value` without leading and trailing HTTP whitespace (tab, LF, CR, space). */
export function trimHttpWhitespace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** Whether `value` holds NUL, CR or LF, which no header value can. */
export function hasForbiddenValueChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0 || code === 0x0a || code === 0x0d) return true;
  }
  return false;
}

function invalidName(name: string): HeaderPairs {
  return { ok: false, message: `header name ${JSON.stringify(name)} is not a token` };
}

function invalidValue(name: string): HeaderPairs {
  return { ok: false, message: `header ${name} has a value with NUL, CR or LF` };
}

/**
 * `readHeaderPairs` for a plain record in one pass: the pairs `headerList` gives (same keys,
 * same order, without the entry arrays of `Object.entries`), checked as they are read. Every
 * value is still read before a refusal, as when reading and checking are two steps.
 */
function readRecord(record: Readonly<Record<string, unknown>>, strict: boolean): HeaderPairs {
  const list: [string, string][] = [];
  let refusal: HeaderPairs | null = null;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const raw = record[key];
    if (raw === undefined) continue;
    let name = key;
    let validName = true;
    if (!commonNames.has(key)) {
      name = key.toLowerCase();
      validName = isLowerToken(name);
    }
    if (Array.isArray(raw)) {
      for (const item of raw) {
        const value = trimHttpWhitespace(String(item));
        list.push([name, value]);
        if (strict && refusal === null) {
          if (!validName) refusal = invalidName(name);
          else if (hasForbiddenValueChar(value)) refusal = invalidValue(name);
        }
      }
      continue;
    }
    const value = trimHttpWhitespace(typeof raw === 'string' ? raw : String(raw));
    list.push([name, value]);
    if (strict && refusal === null) {
      if (!validName) refusal = invalidName(name);
      else if (hasForbiddenValueChar(value)) refusal = invalidValue(name);
    }
  }
  return refusal ?? { ok: true, list };
}

/**
 * Reads `input` (a `Headers`, pairs or a record) into lower-cased pairs without throwing.
 * With `strict`, a name that is not a token or a value holding NUL, CR or LF is refused, as a
 * `Headers` object would; values lose leading and trailing whitespace either way.
 */
export function readHeaderPairs(input: unknown, strict: boolean): HeaderPairs {
  if (input == null) return { ok: true, list: [] };
  if (typeof input !== 'object') {
    return {
      ok: false,
      message: `headers must be a Headers, [name, value] pairs or a record, not a ${typeof input}`,
    };
  }
  let list: [string, string][];
  try {
    if (typeof (input as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
      return readRecord(input as Readonly<Record<string, unknown>>, strict);
    }
    list = headerList(input as HeadersLike);
  } catch (error) {
    return { ok: false, message: `headers could not be read (${describe(error)})` };
  }
  for (let i = 0; i < list.length; i++) {
    const pair = list[i]!;
    const name = pair[0];
    const value = trimHttpWhitespace(pair[1]);
    pair[1] = value;
    if (!strict) continue;
    if (!commonNames.has(name) && !isLowerToken(name)) return invalidName(name);
    if (hasForbiddenValueChar(value)) return invalidValue(name);
  }
  return { ok: true, list };
}

/**
 * The pairs as a record: repeated names joined with ", " (Fetch's combine), Cookie with "; "
 * (RFC 9113 §8.2.3), so the record says what one HTTP/1.1 field line would.
 */
export function headerRecord(list: readonly (readonly [string, string])[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i < list.length; i++) {
    const [name, value] = list[i]!;
    const previous = Object.hasOwn(record, name) ? record[name] : undefined;
    const joined =
      previous === undefined ? value : `${previous}${name === 'cookie' ? '; ' : ', '}${value}`;
    if (name === '__proto__') {
      // A valid header name; define it rather than set the prototype.
      Object.defineProperty(record, name, {
        value: joined,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      record[name] = joined;
    }
  }
  return record;
}

/** A thrown value as text, for messages, without throwing again. */
export function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unprintable error';
  }
}
