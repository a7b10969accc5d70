import * as z from 'zod/mini';
import { hostRuleFields, ruleFields, redirectRuleSchema as ruleSchema } from '../map/rules';
import type { RedirectRule, RuleOrigin } from '../map/types';
import { inEnglish, lazySchema } from '../validation/lazy-schema';
import { RedirectParseError } from './errors';
import { IssueList, settle } from './issues';
import { elementLines, parseJsonText } from './json-text';
import type { ParsedRedirects, ParseOptions, SerializedRedirects } from './types';
import { describeZodIssues } from './zod-issues';

// Every field a rule in our JSON may have: a host rule's (`syntax`, `has`...) too.
const fields = [...ruleFields, ...hostRuleFields] as const;

// The shape of a rule; what the fields mean together (patterns, params, status or permanent) is
// checked by createRedirectMap, which reports the same lines through `origins`.
const fileSchema = /* @__PURE__ */ lazySchema(() =>
  z.union([
    z.array(z.unknown()),
    z.object({ $schema: z.optional(z.string()), rules: z.array(z.unknown()) }),
  ]),
);

/**
 * Reads redirect-core's own JSON format: an array of {@link RedirectRule}, or
 * `{ "rules": [...] }` (with an optional `"$schema"`). Each rule's line is recovered from the
 * text, so errors and findings point at it.
 *
 * @example
 * ```ts
 * parseJsonRules('[{ "from": "/old", "to": "/new", "permanent": true }]').rules;
 * ```
 */
export function parseJsonRules(text: string, options: ParseOptions = {}): ParsedRedirects {
  const data = parseJsonText(text, 'json', options.file);
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    throw new RedirectParseError('json', [
      {
        index: 0,
        line: 1,
        ...(options.file === undefined ? {} : { file: options.file }),
        field: '',
        message: 'the file must hold an array of rules or an object { "rules": [...] }.',
      },
    ]);
  }
  const items = Array.isArray(file.data) ? file.data : file.data.rules;
  const lines = elementLines(text, ['rules']);
  const issues = new IssueList(options.file);
  const rules: RedirectRule[] = [];
  const origins: RuleOrigin[] = [];
  for (const [index, item] of items.entries()) {
    const line = lines[index];
    const parsed = ruleSchema.safeParse(item, inEnglish());
    if (!parsed.success) {
      for (const [field, message] of describeZodIssues(parsed.error, fields)) {
        issues.add(index, line, field, message);
      }
      continue;
    }
    rules.push(parsed.data as RedirectRule);
    origins.push({
      ...(options.file === undefined ? {} : { file: options.file }),
      line: line ?? 1,
    });
  }
  const warnings: string[] = [];
  settle('json', issues, warnings, options);
  return { rules, origins, warnings };
}

/**
 * Writes rules as `{ "rules": [...] }`, one rule a line. Nothing is lost: rules read from a
 * host's file keep their `syntax`, `serve` and conditions, and read back with the same answers.
 *
 * @example
 * ```ts
 * serializeJsonRules([{ from: '/old', to: '/new', status: 301 }]).text;
 * ```
 */
export function serializeJsonRules(rules: readonly RedirectRule[]): SerializedRedirects {
  const body = rules.map((rule) => `    ${JSON.stringify(pick(rule))}`).join(',\n');
  return {
    text: rules.length === 0 ? '{ "rules": [] }\n' : `{\n  "rules": [\n${body}\n  ]\n}\n`,
    lost: [],
  };
}

// Only the known fields, in a stable order.
function pick(rule: RedirectRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of fields) if (rule[key] !== undefined) out[key] = rule[key];
  return out;
}
