import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainRuleShape } from './rule-shape';
import { checkRules, redirectRuleSchema } from './rules';

// Values at every boundary the schema draws: types, lengths, statuses, flags, extra fields.
const text = fc.oneof(
  fc.constantFrom('', '/', '/a', undefined, null, 5, ['/a']),
  fc.constantFrom(4095, 4096, 4097, 8191, 8192, 8193).map((n) => `/${'x'.repeat(n - 1)}`),
  fc.string({ maxLength: 4 }),
);
const status = fc.constantFrom(undefined, null, 200, 300, 301, 302, 303, 304, 305, 306, 307, 308);
const flag = fc.constantFrom(undefined, null, true, false, 0, 'true');
const other = fc.oneof(text, flag, fc.constantFrom({}, ['GET'], 'example.com'));
const rule = fc.oneof(
  fc.record(
    { from: text, to: text, status: fc.oneof(status, fc.constant('301')), permanent: flag },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      from: text,
      to: text,
      status,
      permanent: flag,
      preserveMethod: flag,
      preserveQuery: flag,
      host: other,
      methods: other,
      syntax: other,
      extra: other,
    },
    { requiredKeys: [] },
  ),
  other,
);

describe('plainRuleShape', () => {
  it('vouches only for rules that zod accepts', () => {
    fc.assert(
      fc.property(rule, (candidate) => {
        if (plainRuleShape(candidate)) {
          expect(redirectRuleSchema.safeParse(candidate).success).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('vouches for the common rule, so zod is not asked', () => {
    expect(plainRuleShape({ from: '/a/:id', to: '/b/:id', status: 301 })).toBe(true);
    expect(plainRuleShape({ from: '/a', to: '/b', permanent: true })).toBe(true);
    expect(plainRuleShape({ from: '/a', to: '/b', host: 'example.com' })).toBe(false);
    expect(plainRuleShape([])).toBe(false);
    expect(
      plainRuleShape(Object.assign(Object.create({ extra: 1 }), { from: '/a', to: '/b' })),
    ).toBe(false);
  });

  it('leaves the issues of a mixed list as zod words them, at their own indexes', () => {
    const rules = [
      { from: '/ok', to: '/fine' },
      { from: '/a', to: '/b', status: 200 },
      { from: '/ok2', to: '/fine', host: 'example.com' },
      { from: 5, to: '/b' },
      { from: '/c', to: '/d', extra: true },
    ];
    const issues = checkRules(rules);
    expect(issues.map((issue) => [issue.index, issue.field])).toEqual([
      [1, 'status'],
      [3, 'from'],
      [4, ''],
    ]);
    expect(issues[2]!.message).toMatch(/unknown field "extra"/);
  });
});
