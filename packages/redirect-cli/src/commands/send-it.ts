import { chooseStatus, type RedirectIntent } from '@org/redirect-core/status';

// The intents chooseStatus understands, most common first: a code is shown with the first
// one that yields it, so a line can never show an intent that sends another code.
const intents = [
  { permanent: true },
  { permanent: false },
  { permanent: true, preserveMethod: false },
  { permanent: false, preserveMethod: false },
  { permanent: false, legacyClients: true },
  { permanent: true, legacyClients: true },
] as const satisfies readonly RedirectIntent[];

/** The call that sends a redirect with an intent, per adapter (`i` is the intent's source). */
const calls = {
  Koa: (i: string) => `redirectTo(ctx, '/new-path', ${i})`,
  Fastify: (i: string) => `reply.redirectTo('/new-path', ${i})`,
  Express: (i: string) => `redirectTo(res, '/new-path', ${i})`,
  Hono: (i: string) => `return redirectTo(c, '/new-path', ${i})`,
  'Next.js': (i: string) => `return redirectResponse('/new-path', ${i})`,
} as const satisfies Record<string, (intent: string) => string>;

/** How to send `code` with the adapters: the intent that yields it and one call per adapter. */
export interface SendIt {
  readonly intent: RedirectIntent;
  readonly lines: readonly { readonly adapter: keyof typeof calls; readonly call: string }[];
}

/**
 * The intent for which `chooseStatus` answers `code`, and the adapter calls that send it;
 * `null` for codes no intent gives (300, 304, 305, 306).
 *
 * @example
 * ```ts
 * sendIt(303)?.lines[2]; // { adapter: 'Express', call: "redirectTo(res, '/new-path', { ... })" }
 * ```
 */
export function sendIt(code: number): SendIt | null {
  const intent = intents.find((candidate) => chooseStatus(candidate) === code);
  if (intent === undefined) return null;
  const source = `{ ${Object.entries(intent)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ')} }`;
  const lines = (Object.keys(calls) as (keyof typeof calls)[]).map((adapter) => ({
    adapter,
    call: calls[adapter](source),
  }));
  return { intent, lines };
}
