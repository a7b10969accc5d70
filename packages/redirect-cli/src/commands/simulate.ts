import { nextRequest } from '@org/redirect-core/next-request';
import { clientFamilies } from '@org/redirect-core/status';
import { z } from 'zod';
import { parseHeaderOptions } from '../headers';
import { methodSchema } from '../method';
import {
  type CommandResult,
  colors,
  exitCodes,
  lines,
  type OutputOptions,
  toJson,
  usageError,
} from '../output';

/** Options of {@link simulate}: the request, the 3xx answer and the client. */
export interface SimulateOptions extends OutputOptions {
  /** Default `GET`. */
  readonly method?: string;
  readonly status: string | number;
  /** The request URL. Default `https://example.com/old`. */
  readonly url?: string;
  /** The response's Location. Default `/new`; `''` sends none. */
  readonly location?: string;
  /** Request headers, `name: value`. */
  readonly header?: readonly string[];
  /** Extra response headers, `name: value`. */
  readonly responseHeader?: readonly string[];
  readonly body?: string;
  /** Whose rules to apply. Default `fetch`. */
  readonly client?: string;
}

const optionsSchema = z.object({
  method: methodSchema.default('GET'),
  status: z.coerce
    .number({ error: 'the status must be a number such as 302' })
    .int('the status must be a whole number such as 302')
    .min(100, 'the status must be between 100 and 599')
    .max(599, 'the status must be between 100 and 599'),
  url: z.url({ error: 'the URL must be absolute, such as https://example.com/old' }).optional(),
  location: z.string().optional(),
  body: z.string().optional(),
  client: z.enum(clientFamilies, { error: `--client is one of ${clientFamilies.join(', ')}` }),
});

/**
 * `redirects simulate`: runs core's `nextRequest` on a request and a 3xx answer and shows the
 * request the client sends next, with every change and the rule it comes from.
 *
 * Exit code 0 when the client follows or returns the answer, 1 when its fetch fails (an invalid
 * Location, say), 2 on bad arguments.
 *
 * @example
 * ```ts
 * const { stdout } = simulate({ method: 'POST', status: 302, json: true });
 * JSON.parse(stdout).result.request.method; // 'GET'
 * ```
 */
export function simulate(options: SimulateOptions): CommandResult {
  const parsed = optionsSchema.safeParse({ ...options, client: options.client ?? 'fetch' });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    return usageError(`@org/redirect-cli: simulate --${field}: ${issue?.message}`, options);
  }
  const requestHeaders = parseHeaderOptions(options.header);
  if (!requestHeaders.ok)
    return usageError(`@org/redirect-cli: ${requestHeaders.message}`, options);
  const responseHeaders = parseHeaderOptions(options.responseHeader);
  if (!responseHeaders.ok) {
    return usageError(
      `@org/redirect-cli: ${responseHeaders.message.replace('--header', '--response-header')}`,
      options,
    );
  }
  const { method, status, body, client } = parsed.data;
  const url = parsed.data.url ?? 'https://example.com/old';
  const location = parsed.data.location ?? '/new';
  const headers = [...responseHeaders.headers];
  if (location !== '') headers.unshift(['location', location]);
  const request = {
    method: method.toUpperCase(),
    url,
    headers: requestHeaders.headers,
    body: body ?? null,
  };
  const response = { status, headers, url };
  const result = nextRequest(request, response, { client });
  const exitCode = result.kind === 'error' ? exitCodes.findings : exitCodes.ok;
  if (options.json) {
    return { exitCode, stdout: toJson({ request, response, client, result }) };
  }
  const c = colors(options.color);
  const out = [
    `${c.bold(`${request.method} ${url}`)}${body === undefined ? '' : c.dim(` (${body.length}-byte body)`)}`,
    `  <- ${status}${location === '' ? ' with no Location' : ` Location: ${location}`}`,
    '',
  ];
  if (result.kind === 'follow') {
    const next = result.request;
    out.push(`${c.green('follow')} ${c.bold(`${next.method} ${next.url}`)}`);
    for (const [name, value] of Object.entries(next.headers)) out.push(`  ${name}: ${value}`);
    out.push(`  body: ${next.body == null ? 'none' : JSON.stringify(next.body)}`);
    out.push('', c.bold(result.changes.length === 0 ? 'No changes' : 'Changes'));
    for (const change of result.changes) {
      out.push(`  - ${change.message} ${c.dim(`(${change.kind}; ${change.source})`)}`);
    }
  } else if (result.kind === 'return') {
    out.push(
      `${c.yellow('return')} the ${status} goes back to the caller as is (${result.reason})`,
    );
  } else {
    out.push(`${c.red('error')} the fetch fails: ${result.message} (${result.code})`);
  }
  out.push('', c.dim(`Rules of: ${client}`));
  return { exitCode, stdout: lines(out) };
}
