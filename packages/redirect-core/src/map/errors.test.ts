import { describe, expect, it } from 'vitest';
import { RedirectConfigError, redirectMapJsonSchema } from './errors';
import type { ConfigIssue } from './types';

describe('RedirectConfigError', () => {
  it('is an Error that lists every issue with its place', () => {
    const issues: ConfigIssue[] = [
      {
        index: 0,
        field: 'status',
        message: '@org/redirect-core: use 301.',
        line: 3,
        file: 'r.json',
      },
      { index: 2, field: '', message: '@org/redirect-core: bad rule.' },
      { index: -1, field: 'options.base', message: '@org/redirect-core: bad base.' },
    ];
    const error = new RedirectConfigError(issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RedirectConfigError');
    expect(error.issues).toBe(issues);
    expect(error.message).toBe(
      [
        '@org/redirect-core: 3 problems in the redirect map; fix them and try again:',
        '  - rule 0 (r.json:3) status: use 301.',
        '  - rule 2: bad rule.',
        '  - options options.base: bad base.',
      ].join('\n'),
    );
  });

  it('keeps the message short for many issues', () => {
    const issues = Array.from({ length: 120 }, (_, index) => ({
      index,
      field: 'to',
      message: 'x',
    }));
    const error = new RedirectConfigError(issues);
    expect(error.message.split('\n')).toHaveLength(52);
    expect(error.message).toContain('and 70 more');
    expect(error.issues).toHaveLength(120);
  });
});

describe('redirectMapJsonSchema', () => {
  const schema = redirectMapJsonSchema() as {
    $schema: string;
    anyOf: { type: string; items?: Rule; properties?: { rules: { items: Rule } } }[];
  };
  type Rule = {
    type: string;
    required: string[];
    additionalProperties: boolean;
    properties: Record<string, { enum?: number[]; type?: string; description?: string }>;
  };

  it('is a draft 2020-12 schema for an array of rules or { rules }', () => {
    expect(schema.$schema).toContain('2020-12');
    expect(schema.anyOf.map((s) => s.type)).toEqual(['array', 'object']);
    expect(schema.anyOf[1]?.properties?.rules.items.required).toEqual(['from', 'to']);
  });

  it('describes each field, with the allowed statuses and no unknown fields', () => {
    const rule = schema.anyOf[0]!.items!;
    expect(rule.required).toEqual(['from', 'to']);
    expect(rule.additionalProperties).toBe(false);
    expect(rule.properties.status?.enum).toEqual([301, 302, 303, 307, 308]);
    expect(Object.keys(rule.properties)).toEqual([
      'from',
      'to',
      'status',
      'permanent',
      'preserveMethod',
      'host',
      'query',
      'methods',
      'preserveQuery',
    ]);
    for (const field of Object.values(rule.properties)) expect(field.description).toBeTruthy();
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
