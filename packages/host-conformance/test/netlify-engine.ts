import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Netlify's own parser and matcher, driven as Netlify's local server (netlify-cli) drives them:
// parse with @netlify/redirect-parser, rename the fields netlify-redirector reads, and match a
// request whose path is decoded and whose language and country come from headers.

const require = createRequire(import.meta.url);

/** What netlify-redirector answers. */
export interface EngineMatch {
  readonly from?: string;
  readonly to?: string;
  readonly status?: number;
  readonly force404?: boolean;
  readonly conditions?: Readonly<Record<string, string>>;
}

/** A request as the differential tests send it. */
export interface Probe {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface NetlifyEngine {
  readonly match: (probe: Probe) => EngineMatch | null;
  readonly errors: readonly string[];
}

interface Redirector {
  parseJSON(json: string, options: object): Promise<{ match(request: object): EngineMatch | null }>;
}

/** Loads the rules of a `_redirects` text (or a `netlify.toml`) into Netlify's engine. */
export async function netlifyEngine(
  text: string,
  kind: 'redirects' | 'toml' = 'redirects',
): Promise<NetlifyEngine> {
  const { parseAllRedirects } = (await import('@netlify/redirect-parser')) as {
    parseAllRedirects(options: object): Promise<{
      redirects: Record<string, unknown>[];
      errors: Error[];
    }>;
  };
  const redirector = require('netlify-redirector') as Redirector;
  const dir = mkdtempSync(join(tmpdir(), 'netlify-engine-'));
  const file = join(dir, kind === 'toml' ? 'netlify.toml' : '_redirects');
  writeFileSync(file, text);
  let parsed: Awaited<ReturnType<typeof parseAllRedirects>>;
  try {
    parsed = await parseAllRedirects(
      kind === 'toml'
        ? { netlifyConfigPath: file, minimal: false }
        : { redirectsFiles: [file], minimal: false },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // netlify-cli's normalizeRedirect: `origin`, `params`, capitalised conditions.
  const rules = parsed.redirects.map((redirect) => {
    const {
      conditions,
      from,
      query,
      signed: _signed,
      ...rest
    } = redirect as {
      conditions: Record<string, unknown>;
      from: string;
      query: unknown;
      signed?: unknown;
    };
    const { country, language, role, ...others } = conditions;
    return {
      ...rest,
      origin: from,
      params: query,
      conditions: {
        ...others,
        ...(role === undefined ? {} : { Role: role }),
        ...(country === undefined ? {} : { Country: country }),
        ...(language === undefined ? {} : { Language: language }),
      },
    };
  });
  const matcher = await redirector.parseJSON(JSON.stringify(rules), {});
  const match = (probe: Probe): EngineMatch | null => {
    const url = new URL(probe.url);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(probe.headers ?? {}))
      headers[name.toLowerCase()] = value;
    const cookies = parseCookies(headers.cookie ?? '');
    const language =
      cookies.get('nf_lang') ||
      (headers['accept-language'] ? headers['accept-language'].split(',')[0]!.slice(0, 2) : 'en');
    const all: Record<string, string> = { 'x-language': language, ...headers };
    return matcher.match({
      scheme: url.protocol.slice(0, -1),
      host: url.hostname,
      path: decodeURIComponent(url.pathname),
      query: url.search.slice(1),
      getHeader: (name: string) => all[name.toLowerCase()] ?? '',
      getCookie: (name: string) => cookies.get(name) ?? '',
    });
  };
  return { match, errors: parsed.errors.map((error) => error.message) };
}

function parseCookies(header: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const name = pair.slice(0, eq).trim();
    if (!map.has(name)) map.set(name, decodeURIComponent(pair.slice(eq + 1).trim()));
  }
  return map;
}
