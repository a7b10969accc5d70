/**
 * The shape check of guard options, written by hand so the guard entry carries no schema
 * library. Messages match the wording the project's zod schemas use elsewhere ("Invalid input:
 * expected string, received number"), and only the first problem is reported, in field order.
 */

/** Options that passed the shape check (values still unchecked as URLs). */
export interface ShapedGuardOptions {
  readonly base: string | URL;
  readonly allowedOrigins: readonly string[] | undefined;
  readonly maxLength: number | undefined;
}

/** The first problem: the field path (`options`, `base`, `allowedOrigins[1]`) and message. */
export interface ShapeProblem {
  readonly field: string;
  readonly message: string;
}

// What a value is, in the words of the messages: `NaN`, `Infinity`, `null`, `array`, a class
// name (`Set`, `URL`) for class instances, else `typeof`.
function received(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (typeof value !== 'object') return typeof value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && 'constructor' in value && value.constructor) {
    return (value.constructor as { name: string }).name;
  }
  return 'object';
}

function expected(type: string, value: unknown): string {
  return `Invalid input: expected ${type}, received ${received(value)}`;
}

/** Checks the shape of guard options; the first problem, or the shaped options. */
export function shapeGuardOptions(options: unknown): ShapedGuardOptions | ShapeProblem {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return { field: 'options', message: expected('object', options) };
  }
  const { base, allowedOrigins, maxLength } = options as Record<string, unknown>;
  if (typeof base !== 'string' && !(base instanceof URL)) {
    return { field: 'base', message: 'Invalid input' };
  }
  if (allowedOrigins !== undefined) {
    if (!Array.isArray(allowedOrigins)) {
      return { field: 'allowedOrigins', message: expected('array', allowedOrigins) };
    }
    for (let index = 0; index < allowedOrigins.length; index++) {
      const entry: unknown = allowedOrigins[index];
      if (typeof entry !== 'string') {
        return { field: `allowedOrigins[${index}]`, message: expected('string', entry) };
      }
    }
  }
  if (maxLength !== undefined) {
    if (typeof maxLength !== 'number' || !Number.isFinite(maxLength)) {
      return { field: 'maxLength', message: expected('number', maxLength) };
    }
    if (!Number.isInteger(maxLength)) {
      return { field: 'maxLength', message: expected('int', maxLength) };
    }
    if (maxLength < Number.MIN_SAFE_INTEGER) {
      return {
        field: 'maxLength',
        message: `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`,
      };
    }
    if (maxLength > Number.MAX_SAFE_INTEGER) {
      return {
        field: 'maxLength',
        message: `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`,
      };
    }
    if (maxLength <= 0)
      return { field: 'maxLength', message: 'Too small: expected number to be >0' };
  }
  return {
    base,
    allowedOrigins: allowedOrigins as readonly string[] | undefined,
    maxLength: maxLength as number | undefined,
  };
}
