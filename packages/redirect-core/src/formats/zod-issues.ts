import type { z } from 'zod/mini';

/** One sentence per zod issue, naming the field: for messages a person can act on. */
export function describeZodIssues(
  error: z.core.$ZodError,
  known: readonly string[],
): [field: string, message: string][] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return [
        field,
        `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}; the fields are ${known.join(', ')}.`,
      ];
    }
    const message = issue.message.replace(/^@org\/redirect-core: /, '');
    return [field, field === '' || message.includes(field) ? message : `"${field}": ${message}`];
  });
}
