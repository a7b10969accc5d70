import { nextRequest } from '@org/redirect-core';
import { opsPerSecond, type Spread, spread } from './stats';

/** One `nextRequest` scenario the issue names. */
interface Scenario {
  name: string;
  run: () => unknown;
}

const scenarios: Scenario[] = [
  {
    name: 'same-origin GET 301',
    run: () =>
      nextRequest(
        { method: 'GET', url: 'https://example.test/old?x=1', headers: { accept: 'text/html' } },
        { status: 301, headers: { location: '/new?x=1' } },
      ),
  },
  {
    name: 'POST 302 rewritten to GET',
    run: () =>
      nextRequest(
        {
          method: 'POST',
          url: 'https://example.test/form',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '7' },
          body: 'a=1&b=2',
        },
        { status: 302, headers: { location: '/done' } },
      ),
  },
  {
    name: 'cross-origin 307 stripping credentials',
    run: () =>
      nextRequest(
        {
          method: 'PUT',
          url: 'https://api.example.test/v1/item',
          headers: {
            authorization: 'Bearer token',
            cookie: 'session=1',
            'content-type': 'application/json',
            'x-request-id': 'abc',
          },
          body: '{"a":1}',
        },
        { status: 307, headers: { location: 'https://other.example.test/v2/item' } },
      ),
  },
];

/** ops/s of each scenario, median of `runs`. */
export function benchNextRequest(runs: number, budgetMs: number) {
  return scenarios.map((scenario) => {
    const values: number[] = [];
    for (let run = 0; run < runs; run++) values.push(opsPerSecond(scenario.run, budgetMs));
    return { scenario: scenario.name, opsPerSecond: spread(values) as Spread };
  });
}
