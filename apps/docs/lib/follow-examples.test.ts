import { describe, expect, it } from 'vitest';
import { followExamples, removedHeaders } from './follow-examples';

function follow(status: number, id: string) {
  const example = followExamples(status).find((item) => item.id === id);
  if (example?.result.kind !== 'follow') throw new Error(`expected ${status} to be followed`);
  return example.result;
}

describe('followExamples', () => {
  it('302: the POST becomes GET, the body and its Content-Type go', () => {
    const result = follow(302, 'same-origin');
    expect(result.request.method).toBe('GET');
    expect(result.request.body).toBeNull();
    expect(removedHeaders(result)).toEqual(['content-type']);
  });

  it('307: method, body and headers are kept on the same origin', () => {
    const result = follow(307, 'same-origin');
    expect(result.request.method).toBe('POST');
    expect(result.request.body).toBe('{"item":42}');
    expect(removedHeaders(result)).toEqual([]);
  });

  it('308 to another origin drops the credentials but keeps the body', () => {
    const result = follow(308, 'other-origin');
    expect(result.request.method).toBe('POST');
    expect(removedHeaders(result)).toEqual(expect.arrayContaining(['authorization', 'cookie']));
  });

  it('304 is not followed', () => {
    expect(followExamples(304).every((example) => example.result.kind === 'return')).toBe(true);
  });
});
