import { type Change, nextRequest } from '@org/redirect-core/next-request';
import { clientFamilies, isStatusCode, redirectStatuses } from '@org/redirect-core/status';
import { z } from 'zod';
import { parseHeaderOptions } from '../headers';
import { methodSchema } from '../method';
import { type NetworkError, networkError } from '../network-error';
import {
  type CommandResult,
  colors,
  exitCodes,
  lines,
  type OutputOptions,
  toJson,
  usageError,
} from '../output';
import { escapeTerminal as safe } from '../terminal';
import { type RawRequest, type RawResponse, rawRequest } from './trace-http';

/** Options of {@link trace}. */
export interface TraceOptions extends OutputOptions {
  /** Default `GET`, or `POST` when `data` is given. */
  readonly method?: string;
  /** Request headers, `name: value`. */
  readonly header?: readonly string[];
  /** A request body. */
  readonly data?: string;
  /** Redirects to follow at most. Default 10. */
  readonly maxHops?: string | number;
  /** Milliseconds to wait for each hop's response headers. Default 10000. */
  readonly timeout?: string | number;
  /** Whose method rules decide the next request. Default `fetch`. */
  readonly client?: string;
  /** Exit 1 on warnings (long chains, downgrades, credentials) too. */
  readonly strict?: boolean;
  /**
   * Sends one hop's request. Default: `node:http` / `node:https`, reading the raw header pairs
   * (never a `Headers` object, which joins repeated headers).
   */
  readonly request?: RawRequest;
}

/** Something worth knowing about a chain. */
export interface TraceFlag {
  readonly kind:
    | 'loop'
    | 'too-many-hops'
    | 'invalid-redirect'
    | 'long-chain'
    | 'downgrade'
    | 'credentials'
    | 'no-location'
    | 'broken-target';
  readonly severity: 'error' | 'warning';
  /** The 1-based hop it is about. */
  readonly hop: number;
  readonly message: string;
}

/** One request of the chain and what came back. */
export interface TraceHop {
  readonly hop: number;
  readonly request: { readonly method: string; readonly url: string };
  readonly status?: number;
  readonly statusText?: string;
  readonly location?: string | null;
  /** Cache-Control, Expires and Age as the server sent them. */
  readonly cache?: Readonly<Record<string, string>>;
  /** What `redirectStatuses` says about the status, for 3xx codes. */
  readonly semantics?: {
    readonly reason: string;
    readonly permanent: string;
    readonly searchCanonical: string;
    readonly heuristicallyCacheable: boolean | null;
  };
  /** The request the client sends next, per core's `nextRequest`. */
  readonly next?: { readonly method: string; readonly url: string; readonly changes: Change[] };
  readonly error?: NetworkError;
}

/** What `trace --json` prints. */
export interface TraceReport {
  readonly url: string;
  readonly client: string;
  readonly hops: readonly TraceHop[];
  readonly redirects: number;
  readonly flags: readonly TraceFlag[];
}

const optionsSchema = z.object({
  url: z.url({
    protocol: /^https?$/,
    error: 'give an absolute http(s) URL, such as https://example.com/old',
  }),
  method: methodSchema.optional(),
  maxHops: z.coerce.number().int().min(1).max(100).default(10),
  timeout: z.coerce.number().int().min(1).max(600_000).default(10_000),
  client: z.enum(clientFamilies).default('fetch'),
});

const cacheHeaders = ['cache-control', 'expires', 'age'] as const;
// Changes every hop has, which the hop's own lines already show; `--json` keeps them.
const obvious = new Set<Change['kind']>(['url-changed', 'redirect-count-incremented']);

/**
 * `redirects trace <url>`: follows a live redirect chain hop by hop (each request with
 * `redirect: 'manual'`), showing every status, Location, cache header and what core says the
 * status means, and the request core's `nextRequest` sends next.
 *
 * Flags loops, chains over 2 redirects, https -> http downgrades, credentials sent across
 * origins, and targets that answer 4xx/5xx. Exit code 0 when the chain ends cleanly, 1 on a loop,
 * too many hops or a broken Location (and on warnings with `strict`), 2 on bad arguments, 3 when
 * a hop got no response (refused, DNS, timeout): that hop shows the reason.
 *
 * @example
 * ```ts
 * const { exitCode, stdout } = await trace('http://example.com/old', { json: true });
 * const report: TraceReport = JSON.parse(stdout);
 * ```
 */
export async function trace(url: string, options: TraceOptions = {}): Promise<CommandResult> {
  const parsed = optionsSchema.safeParse({ ...options, url });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '').replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
    const subject = name === 'url' ? `trace ${JSON.stringify(url)}` : `trace --${name}`;
    return usageError(`@org/redirect-cli: ${subject}: ${issue?.message}`, options);
  }
  const headers = parseHeaderOptions(options.header);
  if (!headers.ok) return usageError(`@org/redirect-cli: ${headers.message}`, options);
  const { maxHops, timeout, client } = parsed.data;
  const method = (
    parsed.data.method ?? (options.data === undefined ? 'GET' : 'POST')
  ).toUpperCase();
  const send = options.request ?? rawRequest;

  const hops: TraceHop[] = [];
  const flags: TraceFlag[] = [];
  const seen = new Map<string, number>();
  let request = {
    method,
    url: parsed.data.url,
    headers: headers.ok ? headers.headers : [],
    body: (options.data ?? null) as unknown,
    redirectCount: 0,
  };
  let networkFailed = false;

  for (let hop = 1; ; hop += 1) {
    seen.set(withoutHash(request.url), hop);
    let response: RawResponse;
    try {
      const body = requestBody(request.method, request.body);
      response = await send(withoutHash(request.url), {
        method: request.method,
        headers: request.headers as [string, string][],
        ...(body === undefined ? {} : { body }),
        timeout,
      });
    } catch (error) {
      hops.push({ hop, request: pick(request), error: networkError(error, timeout) });
      networkFailed = true;
      break;
    }
    const values = (name: string) =>
      response.headers.filter(([key]) => key === name).map(([, value]) => value);
    const locations = values('location');
    const base = {
      hop,
      request: pick(request),
      status: response.status,
      statusText: response.statusText,
      location: locations.length === 0 ? null : locations.join(', '),
      cache: Object.fromEntries(
        cacheHeaders.flatMap((name) => {
          const list = values(name);
          return list.length === 0 ? [] : [[name, list.join(', ')]];
        }),
      ),
      ...(isStatusCode(response.status) ? { semantics: semantics(response.status) } : {}),
    };
    if (locations.length > 1 && response.status >= 300 && response.status < 400) {
      // Fetch reads a repeated Location as one list value ("/ok, http://evil.test/") and other
      // clients pick one: which target a client follows is anyone's guess. Stop here.
      hops.push(base);
      flags.push({
        kind: 'invalid-redirect',
        severity: 'error',
        hop,
        message: `the response has ${locations.length} Location headers; clients disagree on which to follow (or fail). Send exactly one.`,
      });
      break;
    }
    const result = nextRequest(
      { ...request },
      { status: response.status, headers: response.headers, url: request.url },
      { redirect: 'follow', maxRedirects: maxHops, client },
    );
    if (result.kind === 'return') {
      hops.push(base);
      if (result.reason === 'no-location') {
        flags.push({
          kind: 'no-location',
          severity: 'warning',
          hop,
          message: `${response.status} without a Location: clients stop here`,
        });
      } else if (response.status >= 400) {
        flags.push({
          kind: 'broken-target',
          severity: 'warning',
          hop,
          message: `the chain ends in ${response.status} ${response.statusText}`.trim(),
        });
      }
      break;
    }
    if (result.kind === 'error') {
      hops.push(base);
      const tooMany = result.code === 'too-many-redirects';
      // A client that refuses credentials in a Location fails the chain here: say which.
      const credentials = (result.code as string) === 'credentials-in-location';
      flags.push({
        kind: tooMany ? 'too-many-hops' : credentials ? 'credentials' : 'invalid-redirect',
        severity: 'error',
        hop,
        message: tooMany
          ? `more than ${maxHops} redirects (--max-hops): ${result.message}`
          : `a client fails here: ${result.message}`,
      });
      break;
    }
    const next = result.request;
    hops.push({
      ...base,
      next: { method: next.method, url: next.url, changes: result.changes },
    });
    flags.push(...hopFlags(hop, result.changes, next.url));
    const earlier = seen.get(withoutHash(next.url));
    if (earlier !== undefined) {
      flags.push({
        kind: 'loop',
        severity: 'error',
        hop,
        message: `loop: hop ${hop} redirects back to ${withoutHash(next.url)} (hop ${earlier})`,
      });
      break;
    }
    request = {
      method: next.method,
      url: next.url,
      headers: Object.entries(next.headers),
      body: next.body,
      redirectCount: next.redirectCount,
    };
  }

  const redirects = hops.filter((hop) => hop.next).length;
  if (redirects > 2) {
    flags.push({
      kind: 'long-chain',
      severity: 'warning',
      hop: 1,
      message: `${redirects} redirects in a row: point the first URL straight at the last one`,
    });
  }
  const data: TraceReport = { url: parsed.data.url, client, hops, redirects, flags };
  let exitCode: CommandResult['exitCode'] = exitCodes.ok;
  if (networkFailed) exitCode = exitCodes.network;
  else if (flags.some((flag) => flag.severity === 'error')) exitCode = exitCodes.findings;
  else if (options.strict && flags.length > 0) exitCode = exitCodes.findings;
  if (options.json) return { exitCode, stdout: toJson(data) };
  return { exitCode, stdout: lines(traceText(data, options)) };
}

interface PendingRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: unknown;
}

// Every flag comes from core's changes: it knows what an origin change, a downgrade and
// credentials in a URL are, and which headers a client drops.
function hopFlags(hop: number, changes: readonly Change[], nextUrl: string): TraceFlag[] {
  const flags: TraceFlag[] = [];
  const has = (kind: Change['kind']) => changes.find((change) => change.kind === kind);
  const downgrade = has('downgrade');
  if (downgrade)
    flags.push({ kind: 'downgrade', severity: 'warning', hop, message: downgrade.message });
  const inUrl = has('credentials-in-url');
  if (inUrl) flags.push({ kind: 'credentials', severity: 'warning', hop, message: inUrl.message });
  const originChange = changes.findIndex((change) => change.kind === 'origin-changed');
  if (originChange !== -1) {
    // Core lists what it strips for the origin change right after it; Host always goes.
    const removed = changes
      .slice(originChange)
      .filter((change) => change.kind === 'header-removed' && change.header !== 'host');
    if (removed.length > 0) {
      const names = removed.map((change) => change.header).join(', ');
      flags.push({
        kind: 'credentials',
        severity: 'warning',
        hop,
        message: `cross-origin hop to ${new URL(nextUrl).origin} from a request with ${names}: clients drop them, so the target sees the request without them`,
      });
    }
  }
  return flags;
}

function semantics(status: keyof typeof redirectStatuses): NonNullable<TraceHop['semantics']> {
  const row = redirectStatuses[status];
  const permanent = { yes: 'permanent', no: 'temporary', 'n/a': 'not a move' }[row.permanent.value];
  return {
    reason: row.reason,
    permanent,
    searchCanonical: row.search.canonical,
    heuristicallyCacheable: row.cache.heuristic.value,
  };
}

function traceText(data: TraceReport, options: TraceOptions): string[] {
  const c = colors(options.color);
  const out: string[] = [];
  for (const hop of data.hops) {
    out.push(
      `${c.bold(String(hop.hop).padStart(2))}  ${safe(hop.request.method)} ${safe(hop.request.url)}`,
    );
    if (hop.error) {
      out.push(
        `    ${c.red(`no response: ${safe(hop.error.message)}`)} ${c.dim(`(${safe(hop.error.code)})`)}`,
      );
      continue;
    }
    const status = hop.status ?? 0;
    const paint = status >= 400 ? c.red : status >= 300 ? c.yellow : c.green;
    const reason = hop.semantics?.reason ?? hop.statusText ?? '';
    out.push(`    ${paint(`${status} ${safe(reason)}`.trim())}`);
    if (hop.semantics) {
      const s = hop.semantics;
      out.push(
        c.dim(
          `    ${s.permanent}; search: ${s.searchCanonical} canonical signal; ${s.heuristicallyCacheable ? 'cached even without Cache-Control' : 'cached only when Cache-Control allows'}`,
        ),
      );
    }
    if (hop.location !== null && hop.location !== undefined) {
      out.push(`    Location: ${safe(hop.location)}`);
    }
    for (const [name, value] of Object.entries(hop.cache ?? {})) {
      out.push(`    ${name}: ${safe(value)}`);
    }
    if (hop.next) {
      const method =
        hop.next.method === hop.request.method
          ? `${hop.next.method} kept`
          : `${hop.request.method} becomes ${hop.next.method}`;
      out.push(`    -> ${method} ${c.dim(`(${data.client} rules)`)}`);
      for (const change of hop.next.changes) {
        if (!obvious.has(change.kind)) out.push(c.dim(`       ${safe(change.message)}`));
      }
    }
  }
  out.push('');
  const last = data.hops.at(-1);
  const end = last?.error
    ? `stopped at hop ${last.hop}`
    : `ends in ${last?.status ?? '?'} at ${safe(last?.request.url ?? data.url)}`;
  const summary = `${data.redirects} redirect${data.redirects === 1 ? '' : 's'}, ${end}`;
  for (const flag of data.flags) {
    const paint = flag.severity === 'error' ? c.red : c.yellow;
    out.push(`${paint(flag.severity)} hop ${flag.hop} ${c.bold(flag.kind)}: ${safe(flag.message)}`);
  }
  out.push(data.flags.length === 0 && !last?.error ? c.green(summary) : summary);
  return out;
}

function pick(request: PendingRequest): { method: string; url: string } {
  return { method: request.method, url: request.url };
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

// fetch refuses a body on GET and HEAD; core has already dropped it where clients do.
function requestBody(method: string, body: unknown): string | undefined {
  if (body === null || body === undefined || method === 'GET' || method === 'HEAD')
    return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}
