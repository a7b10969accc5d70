import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shapeGuardOptions } from './check-options';
import { createRedirectGuard, RedirectGuardOptionsError } from './guard';

// The zod schema the guard used before its check was written by hand: the reference for the
// fields and messages a `RedirectGuardOptionsError` carries.
const zodSchema = z.object({
  base: z.union([z.string(), z.instanceof(URL)]),
  allowedOrigins: z.array(z.string()).optional(),
  maxLength: z.number().int().positive().optional(),
});

function viaZod(options: unknown): { field: string; message: string } | 'ok' {
  const parsed = zodSchema.safeParse(options);
  if (parsed.success) return 'ok';
  const issue = parsed.error.issues[0]!;
  const field =
    issue.path
      .map((key, at) =>
        typeof key === 'number' ? `[${key}]` : `${at > 0 ? '.' : ''}${String(key)}`,
      )
      .join('') || 'options';
  return { field, message: issue.message };
}

function byHand(options: unknown): { field: string; message: string } | 'ok' {
  const shaped = shapeGuardOptions(options);
  return 'field' in shaped ? { field: shaped.field, message: shaped.message } : 'ok';
}

const base = 'https://site.test';
const cases: unknown[] = [
  undefined,
  null,
  5,
  'https://site.test',
  [],
  {},
  new Map(),
  Object.create(null),
  { base: 1 },
  { base: null },
  { base: {} },
  { base: new URL(base) },
  { base, allowedOrigins: 'https://a.test' },
  { base, allowedOrigins: new Set() },
  { base, allowedOrigins: [1] },
  { base, allowedOrigins: ['https://a.test', null] },
  { base, allowedOrigins: [undefined] },
  { base, allowedOrigins: [new URL(base)] },
  { base, maxLength: '1' },
  { base, maxLength: 1.5 },
  { base, maxLength: 0 },
  { base, maxLength: -1 },
  { base, maxLength: Number.NaN },
  { base, maxLength: Number.POSITIVE_INFINITY },
  { base, maxLength: Number.NEGATIVE_INFINITY },
  { base, maxLength: null },
  { base, maxLength: 2 ** 60 },
  { base, maxLength: -(2 ** 53) },
  { base, maxLength: 1n },
  { base: 1, maxLength: 0 },
  { base, allowedOrigins: undefined, maxLength: undefined },
  { base, extra: true },
];

describe('guard options check (hand-written, no schema library)', () => {
  it.each(cases.map((c) => [c]))(
    '%s: same field and message as the former zod schema',
    (options) => {
      expect(byHand(options)).toEqual(viaZod(options));
    },
  );

  it('agrees with the former zod schema on random option objects', () => {
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          value,
          fc.record({ base: value, allowedOrigins: value, maxLength: value }, { requiredKeys: [] }),
        ),
        (options) => {
          expect(byHand(options)).toEqual(viaZod(options));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('throws RedirectGuardOptionsError with the field and the message', () => {
    expect(() => createRedirectGuard({ base, maxLength: 0 })).toThrow(RedirectGuardOptionsError);
    try {
      createRedirectGuard({ base, allowedOrigins: ['https://a.test', 7] } as never);
    } catch (error) {
      expect(error).toMatchObject({
        field: 'allowedOrigins[1]',
        message:
          '@org/redirect-core: guard option `allowedOrigins[1]` is invalid: Invalid input: expected string, received number',
      });
    }
    expect.assertions(2);
  });
});
