import { describe, expect, it } from 'vitest';
import { networkError } from './network-error';

describe('networkError', () => {
  it('names a timeout from AbortSignal.timeout', () => {
    const error = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(networkError(error, 250)).toEqual({
      code: 'TIMEOUT',
      message: 'no response within 250 ms (--timeout)',
    });
  });

  it('finds the system error code in the cause chain', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), {
      code: 'ENOTFOUND',
    });
    expect(networkError(new TypeError('fetch failed', { cause }), 1)).toEqual({
      code: 'ENOTFOUND',
      message: 'the host name does not resolve (DNS)',
    });
  });

  it('looks inside an AggregateError from several addresses', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:80'), {
      code: 'ECONNREFUSED',
    });
    const cause = new AggregateError([refused], '');
    expect(networkError(new TypeError('fetch failed', { cause }), 1).code).toBe('ECONNREFUSED');
  });

  it('keeps the innermost message when there is no code', () => {
    const error = new TypeError('fetch failed', { cause: new Error('bad port') });
    expect(networkError(error, 1)).toEqual({ code: 'FETCH_FAILED', message: 'bad port' });
  });

  it('never returns a stack', () => {
    expect(JSON.stringify(networkError(new Error('boom'), 1))).not.toContain('    at ');
  });
});
