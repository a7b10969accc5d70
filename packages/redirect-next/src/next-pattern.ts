import { parsePattern } from '@org/redirect-core/map';

// Spelling of redirect-map patterns (already validated by core) in the path-to-regexp syntax of
// `next.config` redirects. Core decides what a pattern means; this file only writes it for Next,
// and refuses what Next would reject: Next.js exits the build on an invalid redirect.

/** A pattern Next.js cannot express, with the reason. */
export interface Untranslatable {
  readonly ok: false;
  readonly message: string;
}

/** A translated source, with the names of its parameters (`splat` for a bare `*`). */
export interface TranslatedSource {
  readonly ok: true;
  readonly source: string;
  readonly params: ReadonlySet<string>;
  readonly splats: ReadonlySet<string>;
}

// Characters path-to-regexp gives a meaning to in a source.
const sourceSyntax = /[(){}?+*:\\]/g;
// Characters of a path Next passes raw to the matcher; everything else is percent-encoded.
const rawInPath = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;
// Next builds a regular expression from the source and exits the build when it passes 4,096
// characters; escaping at most doubles a literal.
const maxSourceLength = 1024;

/** Escapes a literal for use inside a regular expression (Next's `has` values are regexps). */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// A decoded literal segment as request paths carry it: non-ASCII and `/` percent-encoded.
function encodeSegment(value: string): string {
  let out = '';
  for (const char of value) out += rawInPath.test(char) ? char : encodeURIComponent(char);
  return out;
}

/**
 * `/blog/:slug` stays `/blog/:slug`; a trailing `*` becomes `:splat*` and `:rest*` stays
 * `:rest*` (zero or more segments in both syntaxes); literal segments are written as request
 * paths carry them (`/café` as `/caf%C3%A9`) with path-to-regexp syntax escaped. The pattern is
 * read by core's `parsePattern`, so both sides agree on what it means.
 */
export function toNextSource(from: string): TranslatedSource | Untranslatable {
  const parsed = parsePattern(from);
  if (!parsed.ok) return parsed;
  const params = new Set<string>();
  const splats = new Set<string>();
  let source = '';
  for (const segment of parsed.value.segments) {
    if (segment.kind === 'literal') {
      source += `/${encodeSegment(segment.value).replace(sourceSyntax, '\\$&')}`;
    } else {
      params.add(segment.name);
      if (segment.kind === 'splat') splats.add(segment.name);
      source += segment.kind === 'splat' ? `/:${segment.name}*` : `/:${segment.name}`;
    }
  }
  if (source.length > maxSourceLength) {
    return {
      ok: false,
      message: `the pattern is longer than ${maxSourceLength} characters once written for Next.js`,
    };
  }
  return { ok: true, source: source || '/', params, splats };
}

// Characters of a destination path that path-to-regexp would read as syntax, percent-encoded
// (`(` as %28): Next rejects or crashes on them raw, and the encoded path names the same page.
const destinationSyntax: Readonly<Record<string, string>> = {
  '(': '%28',
  ')': '%29',
  '{': '%7B',
  '}': '%7D',
  '*': '%2A',
  '+': '%2B',
  ':': '%3A',
};

/**
 * A destination for Next: a splat parameter is written `:name*` (Next joins its segments back
 * with `/`), and path characters path-to-regexp would read as syntax are percent-encoded.
 */
export function toNextDestination(to: string, source: TranslatedSource): string {
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(to)?.[0] ?? '';
  const rest = to.slice(authority.length);
  const pathEnd = rest.search(/[?#]/);
  const path = pathEnd === -1 ? rest : rest.slice(0, pathEnd);
  const tail = pathEnd === -1 ? '' : rest.slice(pathEnd);
  const param = (name: string) => (source.splats.has(name) ? `:${name}*` : `:${name}`);
  const nextPath = path.replace(
    /:([A-Za-z_][A-Za-z0-9_]*)\*?|[(){}*+:]/g,
    (match, name: string | undefined) =>
      name !== undefined && source.params.has(name) ? param(name) : encodeSyntax(match),
  );
  const nextTail = tail.replace(/:([A-Za-z_][A-Za-z0-9_]*)\*?/g, (match, name: string) =>
    source.params.has(name) ? param(name) : match,
  );
  return authority + nextPath + nextTail;
}

function encodeSyntax(text: string): string {
  let out = '';
  for (const char of text) out += destinationSyntax[char] ?? char;
  return out;
}
