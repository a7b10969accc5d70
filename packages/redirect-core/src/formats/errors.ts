import { RedirectConfigError } from '../map/errors';
import type { ConfigIssue } from '../map/types';
import type { RedirectFormat } from './types';

/**
 * A redirect file that could not be read: every bad line at once, each with its 1-based line,
 * the field and a message that says what to change. It is a {@link RedirectConfigError}, so one
 * `catch` handles bad files and bad rules alike.
 *
 * @example
 * ```ts
 * try {
 *   parseRedirects('/old\n', 'netlify', { file: '_redirects' });
 * } catch (error) {
 *   if (error instanceof RedirectParseError) console.error(error.issues);
 * }
 * ```
 */
export class RedirectParseError extends RedirectConfigError {
  readonly format: RedirectFormat;

  constructor(format: RedirectFormat, issues: readonly ConfigIssue[]) {
    super(issues);
    this.name = 'RedirectParseError';
    const shown = issues.slice(0, 20).map((issue) => `  - ${describeIssue(issue)}`);
    const more = issues.length > 20 ? [`  ... and ${issues.length - 20} more`] : [];
    this.message = [
      `@org/redirect-core: could not read ${issues.length} line${issues.length === 1 ? '' : 's'} of the ${format} redirects:`,
      ...shown,
      ...more,
    ].join('\n');
    this.format = format;
  }
}

/** One line for an issue: where (file:line, or rule index), the field, and the message. */
export function describeIssue(issue: ConfigIssue): string {
  const file = issue.file === undefined ? '' : `${issue.file}:`;
  const where =
    issue.line === undefined ? `rule ${issue.index + 1}` : `${file || 'line '}${issue.line}`;
  const field = issue.field === '' ? '' : ` (${issue.field})`;
  return `${where}${field}: ${issue.message}`;
}
