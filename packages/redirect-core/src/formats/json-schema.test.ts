import { describe, expect, it } from 'vitest';
import { hostRuleFields } from '../map/rules';
import { redirectMapJsonSchema } from './json-schema';

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
      // Fields of rules read from a host's file.
      ...hostRuleFields,
    ]);
    for (const field of Object.values(rule.properties)) expect(field.description).toBeTruthy();
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
