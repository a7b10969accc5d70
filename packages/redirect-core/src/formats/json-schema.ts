import * as z from 'zod/mini';
import { redirectMapFileSchema } from '../map/rules';

/**
 * The JSON Schema of a redirect map file (an array of rules, or `{ "$schema", "rules" }`), for
 * editors to complete and check them. Checks that need more than one field (params of `to`
 * captured by `from`, `status` or `permanent`) are made by `createRedirectMap`.
 *
 * @example
 * ```ts
 * writeFileSync('redirects.schema.json', JSON.stringify(redirectMapJsonSchema(), null, 2));
 * ```
 * @see https://json-schema.org/draft/2020-12
 */
export function redirectMapJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(redirectMapFileSchema) as Record<string, unknown>;
}
