import pc from 'picocolors';
import { escapeTerminal } from './terminal';

/** The colour functions the commands use: picocolors' set, enabled or not. */
export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Exit codes of the `redirects` binary. Every command documents them in `--help`.
 *
 * - `ok` (0): nothing to report;
 * - `findings` (1): errors in the input (a bad map, a loop, a failed simulation), or warnings
 *   with `--strict`;
 * - `usage` (2): bad arguments or an unreadable file;
 * - `network` (3): a hop of `trace` could not be fetched (DNS, refused connection, timeout).
 */
export const exitCodes = { ok: 0, findings: 1, usage: 2, network: 3 } as const;

/** One of {@link exitCodes}. */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** What a command returns: the binary prints `stdout`, then `stderr`, and exits with `exitCode`. */
export interface CommandResult {
  readonly exitCode: ExitCode;
  readonly stdout: string;
  /** Notes for people (lossy conversions, write confirmations); never machine output. */
  readonly stderr?: string;
}

/** How a command renders: as JSON or text, with colours or not. */
export interface OutputOptions {
  /** Print machine-readable JSON instead of text. */
  readonly json?: boolean;
  /** Colour the text output. Default `false`; the binary decides with {@link colorEnabled}. */
  readonly color?: boolean;
}

/** The help text block that lists {@link exitCodes}. */
export const exitCodeHelp = `
Exit codes:
  0  ok: nothing to report
  1  findings: errors in the input or the result (warnings too with --strict)
  2  usage: bad arguments or an unreadable file
  3  network: a request failed (DNS, refused connection, timeout)`;

/**
 * Whether to colour output for a stream: only on a terminal, and never when `NO_COLOR` is set
 * to a non-empty value.
 *
 * @see https://no-color.org/
 */
export function colorEnabled(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/** picocolors functions that colour only when `enabled`. */
export function colors(enabled: boolean | undefined): Colors {
  return pc.createColors(enabled === true);
}

/** Stable JSON for `--json`: two-space indented, one trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Joins lines into command output with one trailing newline. */
export function lines(list: readonly string[]): string {
  return list.length === 0 ? '' : `${list.join('\n')}\n`;
}

/** A `--json` error body or a coloured text line, for usage errors every command shares. */
export function usageError(message: string, options: OutputOptions): CommandResult {
  return failure(exitCodes.usage, message, options);
}

/** A failure with the given exit code, as JSON `{ error }` or a red text line. */
export function failure(
  exitCode: ExitCode,
  message: string,
  options: OutputOptions,
): CommandResult {
  if (options.json) return { exitCode, stdout: toJson({ error: message }) };
  // The message may quote a file or a server: escaped, so it cannot drive the terminal.
  const shown = escapeTerminal(message);
  return { exitCode, stdout: '', stderr: `${colors(options.color).red('error')} ${shown}\n` };
}

/** The message of anything thrown, without a stack trace. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
