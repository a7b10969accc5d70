import { globalRegistry, type z } from 'zod/mini';
import english from 'zod/v4/locales/en.js';

/**
 * A zod schema built on first use: importing a module that exports one runs no `z.*` call, so
 * a bundler drops the schema (and zod) when nothing validates with it. The value stands for
 * the schema in every use (`safeParse`, nesting in other schemas, `toJSONSchema`).
 */
// @__NO_SIDE_EFFECTS__
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    if (built === undefined) {
      built = build();
      // Metadata (`title`, `description`) is registered on the built schema; JSON Schema
      // output looks it up by the schema it is given, which is this proxy.
      const meta = globalRegistry.get(built as z.core.$ZodType);
      if (meta !== undefined) globalRegistry.add(proxy as z.core.$ZodType, meta);
    }
    return built;
  };
  const proxy: T = new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may not report a non-configurable property its (empty) target lacks.
      if (descriptor !== undefined) descriptor.configurable = true;
      return descriptor;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    set: (_, key, value) => Reflect.set(schema(), key, value),
  });
  return proxy;
}

let messages: z.core.$ZodErrorMap | undefined;

/**
 * Parse options giving zod's English messages ("Invalid input: expected string, received
 * number") for issues a schema does not word itself. `zod/mini` loads no locale, and setting
 * one globally would change the messages of the application's own schemas.
 */
export function inEnglish(): { error: z.core.$ZodErrorMap } {
  messages ??= english().localeError;
  return { error: messages };
}
