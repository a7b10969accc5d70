/**
 * Headers as callers hold them: a `Headers` object, a list of `[name, value]` pairs (which can
 * repeat a name), or a plain record such as Node's `IncomingHttpHeaders`.
 */
export type HeadersLike =
  | Headers
  | Iterable<readonly [string, string]>
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/**
 * The `[name, value]` pairs of `headers`, names lower-cased, order and repeats kept. A record
 * value that is an array gives one pair per element; `undefined` values are left out.
 */
export function headerList(headers: HeadersLike | undefined | null): [string, string][] {
  const list: [string, string][] = [];
  if (headers == null) return list;
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [name, value] of headers as Iterable<readonly [string, string]>) {
      list.push([String(name).toLowerCase(), String(value)]);
    }
    return list;
  }
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (Array.isArray(value)) for (const item of value) list.push([key, String(item)]);
    else list.push([key, String(value)]);
  }
  return list;
}

/** The values of header `name` (any case) in `headers`, in order. */
export function headerValues(headers: HeadersLike | undefined | null, name: string): string[] {
  const wanted = name.toLowerCase();
  return headerList(headers)
    .filter(([key]) => key === wanted)
    .map(([, value]) => value);
}
