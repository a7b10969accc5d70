import type { IncomingMessage } from 'node:http';
import { expectTypeOf, it } from 'vitest';
import type { HeadersLike } from '../headers/headers';
import type { MatchInput } from '../map/types';
import { type HeadersHolder, RequestInput } from './request-input';

it('is a map input', () => {
  expectTypeOf<RequestInput>().toExtend<MatchInput>();
  expectTypeOf<RequestInput['headers']>().toEqualTypeOf<HeadersLike>();
});

it("takes the headers' holder of Node, Web and plain objects", () => {
  expectTypeOf<IncomingMessage>().toExtend<HeadersHolder>();
  expectTypeOf<Request>().toExtend<HeadersHolder>();
  expectTypeOf<{ headers: Record<string, string> }>().toExtend<HeadersHolder>();
  // @ts-expect-error a holder must have headers
  new RequestInput('/a', 'GET', {});
});
