import { z } from 'zod';
import { type SourceId, sources } from './sources';
import { clientFamilies } from './types';

const sourceId = z.enum(Object.keys(sources) as [SourceId, ...SourceId[]]);

const fact = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, source: sourceId, note: z.string().min(1).optional() });

const methodRule = z.strictObject({
  rewrite: z.enum(['none', 'post', 'post-optional', 'all-but-get-head', 'not-followed']),
  headKept: z.boolean().nullable(),
  body: z.enum(['kept', 'dropped-on-rewrite', 'not-followed']),
  source: sourceId,
  note: z.string().min(1).optional(),
});

const version = z.string().regex(/^\d+(\.\d+)?$/);

/** Validates one row of the status table. */
export const statusEntrySchema = z.strictObject({
  code: z.number().int().min(300).max(399),
  reason: z.string().min(1),
  kind: z.enum(['redirect', 'multiple-choices', 'not-modified', 'deprecated', 'unused']),
  followedByFetch: fact(z.boolean()),
  permanent: fact(z.enum(['yes', 'no', 'n/a'])),
  methods: z.strictObject(
    Object.fromEntries(clientFamilies.map((family) => [family, methodRule])) as Record<
      (typeof clientFamilies)[number],
      typeof methodRule
    >,
  ),
  cache: z.strictObject({ heuristic: fact(z.boolean().nullable()), browsers: fact(z.string()) }),
  search: z.strictObject({
    canonical: z.enum(['strong', 'weak', 'none']),
    consolidatesOnTarget: z.boolean(),
    source: sourceId,
    note: z.string().min(1).optional(),
  }),
  support: z.strictObject({
    browsers: fact(
      z.union([
        z.literal('all'),
        z.strictObject({
          chrome: version,
          edge: version,
          firefox: version,
          safari: version,
          opera: version,
          ie: version,
        }),
      ]),
    ).nullable(),
    caveats: z.array(fact(z.string().min(1))),
  }),
  spec: z.strictObject({
    introducedIn: z.strictObject({ name: z.string().min(1), source: sourceId }),
    definedIn: z.strictObject({ name: z.string().min(1), source: sourceId }),
  }),
  useWhen: z.string().min(1),
  avoidWhen: z.string().min(1),
  mistakes: z.array(z.string().min(1)),
});

/** Validates the whole table: every code 300 to 308, each row under its own code. */
export const statusTableSchema = z
  .record(z.string().regex(/^30[0-8]$/), statusEntrySchema)
  .refine((table) => Object.keys(table).length === 9, 'every code from 300 to 308 has a row')
  .refine(
    (table) => Object.entries(table).every(([key, row]) => String(row.code) === key),
    'each row sits under its own code',
  );

/**
 * The JSON Schema of the status table, for tools that read `redirectStatuses` as JSON.
 *
 * @example
 * ```ts
 * writeFileSync('status-table.schema.json', JSON.stringify(statusTableJsonSchema(), null, 2));
 * ```
 */
export function statusTableJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(statusTableSchema, { unrepresentable: 'any' }) as Record<string, unknown>;
}
