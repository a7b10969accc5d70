// The Node.js clients, each driven as a user would, following redirects with its defaults.
// None of them resolves *.localhost to loopback by itself here, so each gets the lookup hook it
// offers; nothing else about the client is changed.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import axios from 'axios';
import followRedirects from 'follow-redirects';
import got from 'got';
import { Agent, fetch as undiciFetch } from 'undici';

/** One request a cell asks a client to send. */
export interface Send {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Sends the request, follows redirects the client's way, and settles when it is done. */
export type Driver = (send: Send) => Promise<void>;

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** `localhost` and every `*.localhost` name are loopback (RFC 6761 §6.3). */
export function loopbackLookup(
  hostname: string,
  options: { all?: boolean } | number | LookupCallback,
  callback?: LookupCallback,
): void {
  const cb = (typeof options === 'function' ? options : callback) as LookupCallback;
  const all = typeof options === 'object' && options.all === true;
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    if (all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
    else cb(null, '127.0.0.1', 4);
    return;
  }
  dnsLookup(hostname, { all }, cb as never);
}

const agent = new Agent({ connect: { lookup: loopbackLookup as never } });
const require = createRequire(import.meta.url);

/** The version of an installed package, from the package.json above its entry point. */
function versionOf(name: string): string {
  let dir = dirname(require.resolve(name));
  for (let depth = 0; depth < 8; depth++) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (json.name === name && json.version !== undefined) return json.version;
    } catch {
      // No package.json at this level: keep walking up.
    }
    dir = dirname(dir);
  }
  throw new Error(`@org/client-conformance: cannot find the version of ${name}`);
}

/** Installed versions, read from each package (Node's fetch: its bundled undici). */
export const installed = {
  'node-fetch': process.versions.undici ?? 'unknown',
  undici: versionOf('undici'),
  'follow-redirects': versionOf('follow-redirects'),
  axios: versionOf('axios'),
  got: versionOf('got'),
  node: process.versions.node,
} as const;

async function drain(response: { arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

/** Node.js's own `fetch` (its bundled undici), with a dispatcher that resolves *.localhost. */
export const nodeFetch: Driver = async ({ method, url, headers, body }) => {
  const init = { method, headers, body, dispatcher: agent } as RequestInit;
  await fetch(url, init).then(drain, () => undefined);
};

/** The undici package's `fetch`. */
export const undici: Driver = async ({ method, url, headers, body }) => {
  await undiciFetch(url, { method, headers, body, dispatcher: agent }).then(drain, () => undefined);
};

/** follow-redirects' `http.request`, the way axios and many SDKs use it. */
export const followRedirectsDriver: Driver = ({ method, url, headers, body }) =>
  new Promise<void>((resolve) => {
    // Node.js frames a DELETE body only with a Content-Length, so one is set, as callers do.
    const framed =
      body === undefined
        ? headers
        : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const request = followRedirects.http.request(
      url,
      { method, headers: framed, lookup: loopbackLookup as never },
      (response) => {
        response.resume();
        response.on('end', () => resolve());
        response.on('error', () => resolve());
      },
    );
    request.on('error', () => resolve());
    request.end(body);
  });

/** axios in Node.js (its http adapter). */
export const axiosDriver: Driver = async ({ method, url, headers, body }) => {
  await axios
    .request({
      url,
      method,
      headers,
      data: body,
      lookup: loopbackLookup as never,
      proxy: false,
      validateStatus: () => true,
      timeout: 10_000,
    })
    .catch(() => undefined);
};

/** got, with retries off so that a refused redirect is seen once. */
export const gotDriver: Driver = async ({ method, url, headers, body }) => {
  await got(url, {
    method: method as never,
    headers,
    body,
    dnsLookup: loopbackLookup as never,
    throwHttpErrors: false,
    retry: { limit: 0 },
    timeout: { request: 10_000 },
  }).catch(() => undefined);
};
