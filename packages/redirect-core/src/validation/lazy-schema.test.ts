import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { inEnglish, lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.strictObject({ a: z.string() });
    });
    expect(builds).toBe(0);
    expect(schema.safeParse({ a: 'x' }).success).toBe(true);
    expect(schema.safeParse({ a: 1 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('stands for the schema inside other schemas and in JSON Schema, metadata included', () => {
    const inner = lazySchema(() =>
      z.strictObject({ a: z.string() }).register(z.globalRegistry, { title: 'Inner' }),
    );
    const outer = z.array(inner);
    expect(outer.safeParse([{ a: 'x' }]).success).toBe(true);
    expect(z.toJSONSchema(outer)).toMatchObject({ items: { title: 'Inner', type: 'object' } });
  });

  it('gives English messages for issues a schema does not word itself', () => {
    const result = z.string().safeParse(1, inEnglish());
    expect(result.error?.issues[0]?.message).toBe(
      'Invalid input: expected string, received number',
    );
  });
});
