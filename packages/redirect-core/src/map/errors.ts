import type { ConfigIssue } from './types';

/**
 * Thrown by `createRedirectMap` when rules or options are invalid. `issues` lists every
 * problem at once, each with the rule index (`-1` for the options or the list itself), its
 * source line and file when the rules came from a file, the field, and what to do.
 *
 * @example
 * ```ts
 * try {
 *   createRedirectMap([{ from: 'old', to: '/new', status: 200 }]);
 * } catch (error) {
 *   if (error instanceof RedirectConfigError) console.error(error.issues);
 * }
 * ```
 */
export class RedirectConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(formatIssues(issues));
    this.name = 'RedirectConfigError';
    this.issues = issues;
  }
}

const SHOWN = 50;
const PREFIX_RE = /^@org\/redirect-core: /;

function where(issue: ConfigIssue): string {
  // 1-based like the line; `issue.index` itself stays 0-based.
  const at = issue.index < 0 ? 'options' : `rule ${issue.index + 1}`;
  const line =
    issue.line === undefined
      ? ''
      : ` (${issue.file === undefined ? '' : `${issue.file}:`}${issue.line})`;
  return `${at}${line}${issue.field === '' ? '' : ` ${issue.field}`}`;
}

function formatIssues(issues: readonly ConfigIssue[]): string {
  const head = `@org/redirect-core: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the redirect map; fix ${issues.length === 1 ? 'it' : 'them'} and try again:`;
  const lines = issues
    .slice(0, SHOWN)
    .map((issue) => `  - ${where(issue)}: ${issue.message.replace(PREFIX_RE, '')}`);
  if (issues.length > SHOWN)
    lines.push(`  ... and ${issues.length - SHOWN} more (see error.issues)`);
  return [head, ...lines].join('\n');
}
