import type { ConfigIssue } from '../map/types';
import { describeIssue, RedirectParseError } from './errors';
import { lineSpans } from './lines';
import type { ParseOptions, RedirectFormat } from './types';

/** Collects the problems of one file, so a parser reports every bad line at once. */
export class IssueList {
  readonly issues: ConfigIssue[] = [];
  constructor(private readonly file: string | undefined) {}

  add(index: number, line: number | undefined, field: string, message: string): void {
    this.issues.push({
      index,
      ...(line === undefined ? {} : { line }),
      ...(this.file === undefined ? {} : { file: this.file }),
      field,
      message,
    });
  }
}

/** Splits text into lines, accepting LF, CRLF, a lone CR and a leading byte-order mark. */
export function splitLines(text: string): string[] {
  return lineSpans(text).map((line) => line.text);
}

/**
 * Ends a parse: throws every issue at once, or with `skipInvalid` turns each into a warning
 * (the rules that could be read are kept, with their lines).
 */
export function settle(
  format: RedirectFormat,
  issues: IssueList,
  warnings: string[],
  options: ParseOptions,
): void {
  if (issues.issues.length === 0) return;
  if (!options.skipInvalid) throw new RedirectParseError(format, issues.issues);
  for (const issue of issues.issues) warnings.push(`skipped ${describeIssue(issue)}`);
}
