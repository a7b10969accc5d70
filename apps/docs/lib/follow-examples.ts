import { type NextRequestResult, nextRequest } from '@org/redirect-core/next-request';

type FollowResult = Extract<NextRequestResult, { kind: 'follow' }>;

/** A request a status page follows with `nextRequest`, to show behaviour rather than describe it. */
export interface FollowExample {
  readonly id: string;
  readonly label: string;
  readonly location: string;
  readonly result: NextRequestResult;
}

/** A form POST with the headers that redirects change: a body, a content type, credentials. */
export const exampleRequest = {
  method: 'POST',
  url: 'https://site.example/form',
  headers: [
    ['content-type', 'application/json'],
    ['authorization', 'Bearer token'],
    ['cookie', 'session=1'],
  ],
  body: '{"item":42}',
} as const satisfies Parameters<typeof nextRequest>[0];

const scenarios = [
  { id: 'same-origin', label: 'Location on the same origin', location: '/done' },
  {
    id: 'other-origin',
    label: 'Location on another origin',
    location: 'https://other.example/done',
  },
] as const;

/** What a browser (the Fetch standard) sends after `status` for each scenario. */
export function followExamples(status: number): FollowExample[] {
  return scenarios.map((scenario) => ({
    ...scenario,
    result: nextRequest(
      {
        ...exampleRequest,
        headers: exampleRequest.headers.map(([name, value]): [string, string] => [name, value]),
      },
      { status, headers: [['location', scenario.location]] },
    ),
  }));
}

/** The header names present on the example request and missing from the next one. */
export function removedHeaders(result: FollowResult): string[] {
  return exampleRequest.headers
    .map(([name]) => name)
    .filter((name) => !Object.hasOwn(result.request.headers, name));
}

/** The changes worth a line on a status page: the URL and the count change on every hop. */
export function shownChanges(result: FollowResult): FollowResult['changes'] {
  return result.changes.filter(
    (change) => change.kind !== 'redirect-count-incremented' && change.kind !== 'url-changed',
  );
}

/** Everything a status page cites from the examples, for its numbered sources. */
export function exampleCitations(examples: readonly FollowExample[]): unknown[] {
  return examples.map((example) =>
    example.result.kind === 'follow' ? shownChanges(example.result) : example.result,
  );
}
