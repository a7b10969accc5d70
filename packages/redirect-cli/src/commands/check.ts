import { parseRedirects } from '@org/redirect-core/formats';
import {
  analyzeRedirects,
  createRedirectMap,
  type Finding,
  type PathOptions,
  type RedirectRule,
  type RuleOrigin,
} from '@org/redirect-core/map';
import { SingleBar } from 'cli-progress';
import { unifiedDiff } from '../fix/diff';
import { planFixes } from '../fix/fix';
import { replaceFile } from '../fix/write';
import { coreFormat, problemsOf, type ReadFormat } from '../formats';
import {
  type CommandResult,
  colors,
  errorMessage,
  exitCodes,
  failure,
  lines,
  type OutputOptions,
  toJson,
} from '../output';
import { readMap } from '../read-map';
import { escapeTerminal as safe } from '../terminal';

/** Options of {@link check}. */
export interface CheckOptions extends OutputOptions {
  /** The map's format; detected from the name and content when absent. */
  readonly format?: string;
  /** Exit 1 on warnings too, not only on errors. */
  readonly strict?: boolean;
  /**
   * Write back the collapsed chains that provably keep every answer (same status, Location,
   * method and query handling for every request), editing the file in place. Chains it cannot
   * show safe, and other suggested fixes, are only printed.
   */
  readonly fix?: boolean;
  /** With `fix`: print the change as a unified diff instead of writing it. */
  readonly dryRun?: boolean;
  /**
   * Where a progress bar goes for large files (the binary passes stderr). Drawn only when the
   * stream is a terminal.
   */
  readonly progress?: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/** One finding as `check --json` prints it: core's finding with the source lines of its rules. */
export interface CheckFinding extends Finding {
  /** `file:line` of each rule in {@link Finding.rules}, in the same order. */
  readonly at: readonly string[];
}

/** A problem that stops the analysis: a line that does not parse or a rule that is invalid. */
export interface CheckIssue {
  readonly severity: 'error' | 'warning';
  readonly at: string;
  readonly message: string;
}

/** What `check --json` prints. */
export interface CheckReport {
  readonly file: string;
  readonly format: string;
  readonly rules: number;
  readonly issues: readonly CheckIssue[];
  readonly findings: readonly CheckFinding[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly info: number };
  /** How many rules `--fix` rewrote (or, with `--dry-run`, would rewrite). */
  readonly fixed: number;
  /** Chains `--fix` left as they are, each with why its collapse could change an answer. */
  readonly notFixed?: readonly { readonly at: string; readonly reason: string }[];
  /** With `--fix`: the requests both maps were compared on before writing. */
  readonly compared?: number;
  /** With `--fix --dry-run`: the change as a unified diff. */
  readonly diff?: string;
}

// Files above this size show a progress bar (when stderr is a terminal).
const progressThreshold = 256 * 1024;
const severities = ['error', 'warning', 'info'] as const;

/**
 * `redirects check <file>`: parses, validates and analyses a redirect map, and reports findings
 * grouped by severity with `file:line`.
 *
 * Exit code 0 when clean, 1 on errors (and on warnings with `strict`), 2 when the file cannot be
 * read or the format is unknown.
 *
 * @example
 * ```ts
 * const { exitCode, stdout } = await check('_redirects', { json: true });
 * const report: CheckReport = JSON.parse(stdout);
 * ```
 */
export async function check(file: string, options: CheckOptions = {}): Promise<CommandResult> {
  const read = await readMap(file, { name: '--format', value: options.format }, options);
  if (!read.ok) return read.result;
  const { text, format } = read;
  const bar = startProgress(text, options);
  try {
    return await analyse({ file, text, format, options, bar });
  } finally {
    bar?.stop();
  }
}

interface Job {
  file: string;
  text: string;
  format: ReadFormat;
  options: CheckOptions;
  bar: SingleBar | undefined;
  /** What a previous `--fix` pass did. */
  fixed?: Pick<CheckReport, 'fixed' | 'notFixed' | 'compared' | 'diff'>;
}

async function analyse(job: Job): Promise<CommandResult> {
  const { file, text, format, options, bar } = job;
  const at = (line: number | undefined) => (line === undefined ? file : `${file}:${line}`);
  const issues: CheckIssue[] = [];
  let rules: RedirectRule[] = [];
  let origins: readonly (RuleOrigin | undefined)[] = [];
  // How the file's host compares paths (case, trailing slash): the map answers as it does.
  let hostOptions: PathOptions = {};
  try {
    const parsed = parseRedirects(text, coreFormat(format), { file });
    rules = [...parsed.rules];
    origins = parsed.origins;
    hostOptions = parsed.options ?? {};
    for (const message of parsed.warnings) issues.push({ severity: 'warning', at: file, message });
  } catch (error) {
    issues.push(...configIssues(error, at));
    // One bad line never hides the rest: analyse the lines that can be read (never --fix them).
    let partial: ReturnType<typeof parseRedirects> | undefined;
    try {
      partial = parseRedirects(text, coreFormat(format), { file, skipInvalid: true });
    } catch {
      partial = undefined;
    }
    if (partial === undefined || partial.rules.length === 0 || options.fix) {
      return report({ file, format, rules, issues, findings: [], ...fixedOf(job) }, options);
    }
    rules = [...partial.rules];
    origins = partial.origins;
    hostOptions = partial.options ?? {};
    for (const message of partial.warnings) {
      if (!message.startsWith('skipped ')) issues.push({ severity: 'warning', at: file, message });
    }
  }
  await step(bar, 1);
  try {
    createRedirectMap(rules, { origins, ...hostOptions });
  } catch (error) {
    issues.push(...configIssues(error, at));
    return report({ file, format, rules, issues, findings: [], ...fixedOf(job) }, options);
  }
  await step(bar, 2);
  const findings = analyzeRedirects(rules, { origins, ...hostOptions });
  let fixed = fixedOf(job);
  if (options.fix) {
    const plan = planFixes({
      text,
      format: coreFormat(format),
      rules,
      origins,
      findings,
      options: hostOptions,
    });
    if (plan.refused !== undefined) {
      return failure(
        exitCodes.findings,
        `@org/redirect-cli: --fix did not write ${file}: ${plan.refused}`,
        options,
      );
    }
    const notFixed = plan.unapplied.map((item) => ({
      at: at(origins[item.index]?.line),
      reason: item.reason,
    }));
    fixed = { fixed: plan.applied.length, notFixed, compared: plan.compared };
    if (options.dryRun) {
      fixed = { ...fixed, diff: unifiedDiff(file, text, plan.text) };
    } else if (plan.applied.length > 0) {
      const refused = await replaceFile(file, text, plan.text).catch(
        (error: unknown) => `cannot write ${file}: ${errorMessage(error)}`,
      );
      if (refused !== null) {
        return failure(exitCodes.findings, `@org/redirect-cli: --fix: ${refused}`, options);
      }
      // Report on the file as written, with its new lines.
      const again = { file, text: plan.text, format, bar, fixed };
      return analyse({ ...again, options: { ...options, fix: false } });
    }
  }
  await step(bar, 3);
  const located = findings.map((finding) => ({
    ...finding,
    at: finding.rules.map((index) => at(origins[index]?.line)),
  }));
  return report({ file, format, rules, issues, findings: located, ...fixed }, options);
}

function fixedOf(job: Job): Pick<CheckReport, 'fixed' | 'notFixed' | 'compared' | 'diff'> {
  return job.fixed ?? { fixed: 0 };
}

function configIssues(error: unknown, at: (line: number | undefined) => string): CheckIssue[] {
  return problemsOf(error).map(({ line, message }) => ({
    severity: 'error',
    at: at(line),
    message,
  }));
}

function report(
  data: Omit<CheckReport, 'summary' | 'rules'> & { rules: readonly RedirectRule[] },
  options: CheckOptions,
): CommandResult {
  const count = (severity: 'error' | 'warning' | 'info') =>
    data.issues.filter((issue) => issue.severity === severity).length +
    data.findings.filter((finding) => finding.severity === severity).length;
  const summary = { errors: count('error'), warnings: count('warning'), info: count('info') };
  const failed = summary.errors > 0 || (options.strict === true && summary.warnings > 0);
  const exitCode = failed ? exitCodes.findings : exitCodes.ok;
  const full: CheckReport = { ...data, rules: data.rules.length, summary };
  if (options.json) return { exitCode, stdout: toJson(full) };
  return { exitCode, stdout: lines(reportText(full, options)) };
}

function reportText(data: CheckReport, options: CheckOptions): string[] {
  const c = colors(options.color);
  const paint = { error: c.red, warning: c.yellow, info: c.cyan };
  const heading = { error: 'Errors', warning: 'Warnings', info: 'Info' };
  const out: string[] = [];
  for (const severity of severities) {
    const issues = data.issues.filter((issue) => issue.severity === severity);
    const findings = data.findings.filter((finding) => finding.severity === severity);
    if (issues.length + findings.length === 0) continue;
    out.push(paint[severity](c.bold(`${heading[severity]} (${issues.length + findings.length})`)));
    for (const issue of issues) out.push(`  ${safe(issue.at)}  ${safe(issue.message)}`);
    for (const finding of findings) {
      const [first = data.file, ...rest] = finding.at;
      out.push(`  ${safe(first)}  ${c.bold(finding.kind)}  ${safe(finding.message)}`);
      if (rest.length > 0) out.push(c.dim(`    also ${safe(rest.join(', '))}`));
      if (finding.fix) {
        const { from, to, status } = finding.fix.rule;
        const how = finding.kind === 'chain' ? ' (check --fix)' : '';
        out.push(c.dim(`    fix: ${safe(from)} -> ${safe(to)}${status ? ` ${status}` : ''}${how}`));
      }
    }
    out.push('');
  }
  if (data.diff !== undefined) {
    out.push(data.diff === '' ? 'No change to write (--dry-run).' : data.diff.trimEnd());
    if (data.fixed > 0) out.push(c.dim(`--dry-run: ${safe(data.file)} was not written.`));
  } else if (data.fixed > 0) {
    out.push(c.green(`Fixed ${data.fixed} rule(s) in ${safe(data.file)}.`));
  }
  for (const item of data.notFixed ?? []) {
    out.push(
      c.yellow(
        `Not fixed ${safe(item.at)}: ${safe(item.reason)}; the suggestion above stays a suggestion.`,
      ),
    );
  }
  const { errors, warnings, info } = data.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const line = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${info} info in ${plural(data.rules, 'rule')} (${data.format})`;
  out.push(errors > 0 ? c.red(line) : warnings > 0 ? c.yellow(line) : c.green(line));
  return out;
}

function startProgress(text: string, options: CheckOptions): SingleBar | undefined {
  const stream = options.progress;
  if (!stream?.isTTY || options.json || text.length < progressThreshold) return undefined;
  const bar = new SingleBar({
    stream,
    format: 'checking [{bar}] {value}/{total} {step}',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(3, 0, { step: 'parse' });
  return bar;
}

const stepNames = ['parse', 'validate', 'analyse', 'done'] as const;

// The work is synchronous: yield once so the bar can draw between steps.
async function step(bar: SingleBar | undefined, value: 1 | 2 | 3): Promise<void> {
  if (!bar) return;
  bar.update(value, { step: stepNames[value] });
  await new Promise((resolve) => setImmediate(resolve));
}
