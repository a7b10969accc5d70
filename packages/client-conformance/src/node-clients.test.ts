// Every Node.js client × move × method × 300-308, each cell checked against nextRequest's
// prediction for that client, and chains up to each client's limit.
import { type ClientId, clientProfiles } from '@org/redirect-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, predictedRequests } from './limits';
import { allMethods, cells, compare, parallel, requestFor } from './matrix';
import {
  axiosDriver,
  type Driver,
  followRedirectsDriver,
  gotDriver,
  installed,
  nodeFetch,
  undici,
} from './node-clients';
import { type ConformanceServer, startServer } from './server';

let server: ConformanceServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const everyHeader = ['authorization', 'cookie', 'proxy-authorization', 'content-type'];

const clients: readonly { name: string; client: ClientId; driver: Driver; version: string }[] = [
  {
    name: "Node.js's fetch",
    client: 'undici',
    driver: nodeFetch,
    version: installed['node-fetch'],
  },
  { name: 'undici fetch', client: 'undici', driver: undici, version: installed.undici },
  {
    name: 'follow-redirects',
    client: 'follow-redirects',
    driver: followRedirectsDriver,
    version: installed['follow-redirects'],
  },
  { name: 'axios', client: 'axios', driver: axiosDriver, version: installed.axios },
  { name: 'got', client: 'got', driver: gotDriver, version: installed.got },
];

describe.each(clients)('$name $version', ({ name, client, driver, version }) => {
  it(`every cell matches nextRequest(..., { client: '${client}' })`, async () => {
    const list = cells(client, server.ports, allMethods);
    await parallel(list, 24, (cell) =>
      driver({ method: cell.method, url: cell.url, ...requestFor(cell.method, everyHeader) }),
    );
    const { checked, mismatches } = compare(server, list, client);
    console.info(`${name} ${version}: ${checked - mismatches.length}/${checked} cells match`);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(4 * 6 * 9);
  });

  it('follows exactly as many redirects as the profile says', async () => {
    const limit = clientProfiles[client].maxRedirects.value;
    const origin = `http://127.0.0.1:${server.ports[0]}`;
    for (const length of [limit, limit + 1]) {
      const { id, url } = chain(origin, length);
      await driver({ method: 'GET', url, headers: {} });
      expect(server.seen(id).length, `chain of ${length}`).toBe(
        predictedRequests(client, url, length),
      );
    }
  });
});

// redirectTopics['manual-redirect']: Node.js's fetch gives back the real 3xx.
it("Node.js's fetch with redirect: 'manual' returns the 3xx and its Location", async () => {
  const origin = `http://127.0.0.1:${server.ports[0]}`;
  const response = await fetch(`${origin}/r/manual/302?to=%2Fland%2Fmanual`, {
    redirect: 'manual',
  });
  expect({ status: response.status, location: response.headers.get('location') }).toEqual({
    status: 302,
    location: '/land/manual',
  });
});

describe('versions the profiles name', () => {
  it('are the ones installed here', () => {
    expect(clientProfiles.undici.verified.version).toBe(installed.undici);
    expect(clientProfiles['follow-redirects'].verified.version).toBe(installed['follow-redirects']);
    expect(clientProfiles.axios.verified.version).toBe(installed.axios);
    expect(clientProfiles.got.verified.version).toBe(installed.got);
    // Node.js 20 bundles undici 6, within the undici profile's range.
    expect(installed['node-fetch'].split('.')[0]).toBe('6');
  });
});
