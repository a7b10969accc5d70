import { writeFile } from 'node:fs/promises';
import {
  analyzeRedirects,
  createRedirectMap,
  type Finding,
  parseRedirects,
  type RedirectRule,
  type RuleOrigin,
  serializeRedirects,
} from '@org/redirect-core';
import { SingleBar } from 'cli-progress';
import { coreFormat, problemsOf, type ReadFormat } from '../formats';
import {
  type CommandResult,
  colors,
  exitCodes,
  failure,
  lines,
  type OutputOptions,
  toJson,
} from '../output';
import { readMap } from '../read-map';

/** Options of {@link check}. */
export interface CheckOptions extends OutputOptions {
  /** The map's format; detected from the name and content when absent. */
  readonly format?: string;
  /** Exit 1 on warnings too, not only on errors. */
  readonly strict?: boolean;
  /** Write the collapsed chains back to the file. Other suggested fixes are only printed. */
  readonly fix?: boolean;
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
  /** How many rules `--fix` rewrote. */
  readonly fixed: number;
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
  /** Rules a previous `--fix` pass rewrote. */
  fixed?: number;
}

async function analyse(job: Job): Promise<CommandResult> {
  const { file, text, format, options, bar } = job;
  const at = (line: number | undefined) => (line === undefined ? file : `${file}:${line}`);
  const issues: CheckIssue[] = [];
  let rules: RedirectRule[] = [];
  let origins: readonly (RuleOrigin | undefined)[] = [];
  try {
    const parsed = parseRedirects(text, coreFormat(format), { file });
    rules = [...parsed.rules];
    origins = parsed.origins;
    for (const message of parsed.warnings) issues.push({ severity: 'warning', at: file, message });
  } catch (error) {
    issues.push(...configIssues(error, at));
    return report({ file, format, rules, issues, findings: [], fixed: job.fixed ?? 0 }, options);
  }
  await step(bar, 1);
  try {
    createRedirectMap(rules, { origins });
  } catch (error) {
    issues.push(...configIssues(error, at));
    return report({ file, format, rules, issues, findings: [], fixed: job.fixed ?? 0 }, options);
  }
  await step(bar, 2);
  const findings = analyzeRedirects(rules, { origins });
  if (options.fix) {
    const result = await applyFixes({ file, text, format, rules, origins, findings });
    if (typeof result === 'string') return failure(exitCodes.findings, result, options);
    if (result.fixed > 0) {
      // Report on the file as written, with its new lines.
      const again = { file, text: result.text, format, bar, fixed: result.fixed };
      return analyse({ ...again, options: { ...options, fix: false } });
    }
  }
  await step(bar, 3);
  const located = findings.map((finding) => ({
    ...finding,
    at: finding.rules.map((index) => at(origins[index]?.line)),
  }));
  return report({ file, format, rules, issues, findings: located, fixed: job.fixed ?? 0 }, options);
}

// Replaces each rule a chain finding's fix names (the first per rule wins) and writes the file.
// A Netlify file is edited line by line, so its comments and layout stay; other formats are
// written whole by core's serializer.
async function applyFixes(input: {
  file: string;
  text: string;
  format: ReadFormat;
  rules: readonly RedirectRule[];
  origins: readonly (RuleOrigin | undefined)[];
  findings: readonly Finding[];
}): Promise<{ text: string; fixed: number } | string> {
  const rules = [...input.rules];
  const touched = new Set<number>();
  for (const finding of input.findings) {
    // Only collapsed chains are applied: they keep what every request gets. Other fixes (a
    // different status, say) change behaviour and stay suggestions.
    if (finding.kind !== 'chain' || !finding.fix || touched.has(finding.fix.index)) continue;
    touched.add(finding.fix.index);
    rules[finding.fix.index] = finding.fix.rule;
  }
  if (touched.size === 0) return { text: input.text, fixed: 0 };
  const format = coreFormat(input.format);
  let text: string;
  const lineOf = (index: number) => input.origins[index]?.line;
  if (format === 'netlify' && [...touched].every((index) => lineOf(index) !== undefined)) {
    const fileLines = input.text.split('\n');
    for (const index of touched) {
      const serialized = serializeRedirects([rules[index]!], format);
      if (serialized.lost.length > 0) return lostMessage(input.file, format, serialized.lost);
      const line = serialized.text
        .split('\n')
        .find((entry) => entry.trim() !== '' && !entry.startsWith('#'));
      if (line === undefined) return lostMessage(input.file, format, ['the rule']);
      const at = lineOf(index)! - 1;
      fileLines[at] = fileLines[at]!.endsWith('\r') ? `${line}\r` : line;
    }
    text = fileLines.join('\n');
  } else {
    const serialized = serializeRedirects(rules, format);
    if (serialized.lost.length > 0) return lostMessage(input.file, format, serialized.lost);
    text = serialized.text;
  }
  await writeFile(input.file, text);
  return { text, fixed: touched.size };
}

function lostMessage(file: string, format: string, lost: readonly string[]): string {
  return `@org/redirect-cli: --fix did not write ${file}: writing it back as ${format} would lose ${lost.join('; ')}`;
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
    for (const issue of issues) out.push(`  ${issue.at}  ${issue.message}`);
    for (const finding of findings) {
      const [first = data.file, ...rest] = finding.at;
      out.push(`  ${first}  ${c.bold(finding.kind)}  ${finding.message}`);
      if (rest.length > 0) out.push(c.dim(`    also ${rest.join(', ')}`));
      if (finding.fix) {
        const { from, to, status } = finding.fix.rule;
        const how = finding.kind === 'chain' ? ' (check --fix)' : '';
        out.push(c.dim(`    fix: ${from} -> ${to}${status ? ` ${status}` : ''}${how}`));
      }
    }
    out.push('');
  }
  if (data.fixed > 0) out.push(c.green(`Fixed ${data.fixed} rule(s) in ${data.file}.`));
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
