import { parseRedirects } from '@org/redirect-core/formats';
import type { RedirectRule } from '@org/redirect-core/map';
import {
  diffRules,
  publishRedirects,
  RedirectPublishError,
  type RuleDiff,
  readSnapshot,
} from '@org/redirect-redis';
import { coreFormat } from '../formats';
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
import { type CheckReport, check } from './check';
import { type RedisFlags, redisFailure } from './redis-flags';

/** Options of {@link publish}. */
export interface PublishCommandOptions extends OutputOptions, RedisFlags {
  /** The map's format; detected from the name and content when absent. */
  readonly format?: string;
  /** Publish despite errors that `check` reports (rules that do not compile never publish). */
  readonly force?: boolean;
  /** Who publishes; recorded with the version. Default: the user name. */
  readonly author?: string;
  /** How many versions to keep for rollback. Default 10. */
  readonly keep?: string;
}

/** What `publish --json` prints. */
export interface PublishReport {
  readonly key: string;
  readonly version: string;
  readonly previous: string | null;
  readonly hash: string;
  readonly rules: number;
  readonly diff: RuleDiff;
  /** Errors and warnings `check` found (published anyway with `--force`, or warnings only). */
  readonly check: CheckReport['summary'];
}

const shown = 20;

/**
 * `redirects publish <file> --redis URL --key K`: runs `check` on the map, refuses to publish
 * on errors unless `--force`, then publishes it as a new version that every instance following
 * the key swaps to, and prints the version and the rules added, removed and changed.
 *
 * Exit code 0 when published, 1 when refused for errors, 2 on bad arguments or an unreadable
 * file, 3 when Redis cannot be reached.
 *
 * @example
 * ```ts
 * const { stdout } = await publish('_redirects', { redis: 'redis://127.0.0.1:6379', key: 'redirects:site' });
 * ```
 */
export async function publish(
  file: string,
  options: PublishCommandOptions,
): Promise<CommandResult> {
  const checked = await check(file, { format: options.format, json: true });
  if (checked.exitCode === exitCodes.usage) return usageAgain(checked, options);
  const report = JSON.parse(checked.stdout) as CheckReport;
  const compiles = report.issues.every((issue) => issue.severity !== 'error');
  if (!compiles || (report.summary.errors > 0 && options.force !== true)) {
    const shownReport = options.json
      ? checked
      : await check(file, { format: options.format, color: options.color });
    const why = compiles
      ? `${report.summary.errors} error(s); fix them or pass --force`
      : 'rules that do not compile (--force cannot publish them)';
    const note = `@org/redirect-cli: not published: ${file} has ${why}.`;
    return {
      exitCode: exitCodes.findings,
      stdout: shownReport.stdout,
      stderr: `${colors(options.color).red('error')} ${note}\n`,
    };
  }
  const read = await readMap(file, { name: '--format', value: options.format }, options);
  if (!read.ok) return read.result;
  const parsed = parseRedirects(read.text, coreFormat(read.format), { file });
  const { rules, origins } = parsed;
  const keep = options.keep === undefined ? undefined : Number(options.keep);
  if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1)) {
    return failure(
      exitCodes.usage,
      '@org/redirect-cli: --keep must be a whole number from 1',
      options,
    );
  }
  try {
    const target = { url: options.redis, key: options.key };
    const before = await readSnapshot(target).catch(() => undefined);
    const result = await publishRedirects({
      ...target,
      rules,
      origins,
      // How the file's host compares paths (Netlify: with case), so instances answer as it does.
      ...(parsed.options && { matching: parsed.options }),
      ...(options.author !== undefined && { author: options.author }),
      ...(keep !== undefined && { keep }),
      // check ran above with file lines in its messages.
      analyze: false,
    });
    const diff = diffRules(before?.rules ?? [], rules);
    const published: PublishReport = {
      key: options.key,
      version: result.version,
      previous: result.previous ?? null,
      hash: result.hash,
      rules: rules.length,
      diff,
      check: report.summary,
    };
    if (options.json) return { exitCode: exitCodes.ok, stdout: toJson(published) };
    return { exitCode: exitCodes.ok, stdout: lines(publishText(published, options)) };
  } catch (error) {
    if (error instanceof RedirectPublishError) {
      return failure(exitCodes.findings, errorMessage(error), options);
    }
    return redisFailure(error, options);
  }
}

function usageAgain(checked: CommandResult, options: OutputOptions): CommandResult {
  if (options.json) return checked;
  const parsed = JSON.parse(checked.stdout) as { error?: string };
  return failure(exitCodes.usage, parsed.error ?? 'cannot read the map', options);
}

const ruleText = (rule: RedirectRule) =>
  `${rule.from} -> ${rule.to}${rule.status ? ` ${rule.status}` : rule.permanent ? ' permanent' : ''}`;

function publishText(report: PublishReport, options: OutputOptions): string[] {
  const c = colors(options.color);
  const { added, removed, changed, unchanged } = report.diff;
  const out = [
    c.green(
      `Published version ${report.version} of ${report.key}${report.previous ? ` (was ${report.previous})` : ''}: ${report.rules} rules, sha256 ${report.hash.slice(0, 12)}`,
    ),
    `${added.length} added, ${removed.length} removed, ${changed.length} changed, ${unchanged} unchanged`,
  ];
  const more = (count: number) => (count > shown ? [c.dim(`  ... and ${count - shown} more`)] : []);
  out.push(
    ...added.slice(0, shown).map((rule) => c.green(`+ ${ruleText(rule)}`)),
    ...more(added.length),
  );
  out.push(
    ...removed.slice(0, shown).map((rule) => c.red(`- ${ruleText(rule)}`)),
    ...more(removed.length),
  );
  out.push(
    ...changed
      .slice(0, shown)
      .map(({ before, after }) => c.yellow(`~ ${ruleText(before)}  =>  ${ruleText(after)}`)),
    ...more(changed.length),
  );
  if (report.check.warnings > 0 || report.check.errors > 0) {
    out.push(
      c.yellow(
        `check: ${report.check.errors} error(s), ${report.check.warnings} warning(s) (run redirects check for details)`,
      ),
    );
  }
  return out;
}
