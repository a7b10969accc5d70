// Chains of redirects up to a client's limit and one past it.
import {
  type ClientId,
  type NextRequestOptions,
  nextRequest,
  type RedirectRequest,
} from '@org/redirect-core';

let counter = 0;

/** A chain of `length` 302s on `origin`: `/chain/<id>/<length>` down to `/chain/<id>/0`. */
export function chain(origin: string, length: number): { id: string; url: string } {
  const id = `chain-${length}-${counter++}`;
  return { id, url: `${origin}/chain/${id}/${length}` };
}

/** How many requests nextRequest says `client` sends along a chain of `length` 302s. */
export function predictedRequests(
  client: ClientId,
  url: string,
  length: number,
  options: NextRequestOptions = {},
): number {
  let request: RedirectRequest = { method: 'GET', url };
  let sent = 1;
  for (let left = length; left > 0; left--) {
    const location = url.replace(/\/\d+$/, `/${left - 1}`);
    const result = nextRequest(
      request,
      { status: 302, headers: { location } },
      { ...options, client },
    );
    if (result.kind !== 'follow') break;
    sent++;
    request = result.request;
  }
  return sent;
}
