// curl -L (method implied by the options) and curl -L -X METHOD, every cell against nextRequest.
import { clientProfiles } from '@org/redirect-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlBatch, curlDriver, curlVersion, impliedMethods, requireCurl } from './curl';
import { chain, predictedRequests } from './limits';
import { allMethods, cells, compare, requestFor } from './matrix';
import { type ConformanceServer, startServer } from './server';

let server: ConformanceServer;
let version: string;
beforeAll(async () => {
  requireCurl();
  server = await startServer();
  version = await curlVersion();
});
afterAll(async () => {
  await server?.close();
});

const everyHeader = ['authorization', 'cookie', 'proxy-authorization', 'content-type'];

describe.each([
  { client: 'curl', forced: false, methods: impliedMethods },
  { client: 'curl-x', forced: true, methods: allMethods },
] as const)('$client', ({ client, forced, methods }) => {
  it(`every cell matches nextRequest(..., { client: '${client}' })`, async () => {
    const list = cells(client, server.ports, methods);
    await curlBatch(
      server.ports,
      list.map((cell) => ({
        method: cell.method,
        url: cell.url,
        ...requestFor(cell.method, everyHeader),
      })),
      forced,
    );
    const { checked, mismatches } = compare(server, list, client);
    console.info(`${client} ${version}: ${checked - mismatches.length}/${checked} cells match`);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(4 * methods.length * 9);
  });

  it('follows exactly as many redirects as the profile says', async () => {
    const limit = clientProfiles[client].maxRedirects.value;
    const origin = `http://127.0.0.1:${server.ports[0]}`;
    for (const length of [limit, limit + 1]) {
      const { id, url } = chain(origin, length);
      await curlDriver(server.ports, forced)({ method: 'GET', url, headers: {} });
      expect(server.seen(id).length, `chain of ${length}`).toBe(
        predictedRequests(client, url, length),
      );
    }
  });
});

it('the curl the profiles name is the one installed here', () => {
  expect(clientProfiles.curl.verified.version).toBe(version);
  expect(clientProfiles['curl-x'].verified.version).toBe(version);
});
