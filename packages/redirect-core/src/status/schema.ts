import * as z from 'zod/mini';
import { lazySchema } from '../validation/lazy-schema';
import { type SourceId, sources } from './sources';
import { clientFamilies } from './types';

// Functions, not values: importing this module runs no `z.*` call.
const sourceId = () => z.enum(Object.keys(sources) as [SourceId, ...SourceId[]]);

const text = () => z.string().check(z.minLength(1));

const fact = <T extends z.ZodMiniType>(value: T) =>
  z.strictObject({ value, source: sourceId(), note: z.optional(text()) });

const methodRule = () =>
  z.strictObject({
    rewrite: z.enum([
      'none',
      'post',
      'post-optional',
      'all-but-get-head',
      'post-cross-origin',
      'not-followed',
    ]),
    headKept: z.nullable(z.boolean()),
    body: z.enum(['kept', 'dropped-on-rewrite', 'dropped', 'dropped-cross-origin', 'not-followed']),
    source: sourceId(),
    note: z.optional(text()),
  });

const version = () => z.string().check(z.regex(/^\d+(\.\d+)?$/));

/** Validates one row of the status table (built on first use). */
export const statusEntrySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    code: z.number().check(z.int(), z.minimum(300), z.maximum(399)),
    reason: text(),
    kind: z.enum(['redirect', 'multiple-choices', 'not-modified', 'deprecated', 'unused']),
    followedByFetch: fact(z.boolean()),
    permanent: fact(z.enum(['yes', 'no', 'n/a'])),
    methods: z.strictObject(
      Object.fromEntries(clientFamilies.map((family) => [family, methodRule()])) as Record<
        (typeof clientFamilies)[number],
        ReturnType<typeof methodRule>
      >,
    ),
    cache: z.strictObject({ heuristic: fact(z.nullable(z.boolean())), browsers: fact(z.string()) }),
    search: z.strictObject({
      canonical: z.enum(['strong', 'weak', 'none']),
      consolidatesOnTarget: z.boolean(),
      source: sourceId(),
      note: z.optional(text()),
    }),
    support: z.strictObject({
      browsers: z.nullable(
        fact(
          z.union([
            z.literal('all'),
            z.strictObject({
              chrome: version(),
              edge: version(),
              firefox: version(),
              safari: version(),
              opera: version(),
              ie: version(),
            }),
          ]),
        ),
      ),
      caveats: z.array(fact(text())),
    }),
    spec: z.strictObject({
      introducedIn: z.strictObject({ name: text(), source: sourceId() }),
      definedIn: z.strictObject({ name: text(), source: sourceId() }),
    }),
    useWhen: text(),
    avoidWhen: text(),
    mistakes: z.array(text()),
  }),
);

/** Validates the whole table: every code 300 to 308, each row under its own code. */
export const statusTableSchema = /* @__PURE__ */ lazySchema(() =>
  z.record(z.string().check(z.regex(/^30[0-8]$/)), statusEntrySchema).check(
    z.refine((table) => Object.keys(table).length === 9, {
      error: 'every code from 300 to 308 has a row',
    }),
    z.refine((table) => Object.entries(table).every(([key, row]) => String(row.code) === key), {
      error: 'each row sits under its own code',
    }),
  ),
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
