/**
 * `@org/redirect-cli`: the `redirects` binary, and its commands as functions that return
 * `{ exitCode, stdout, stderr }` so scripts and tests can run them in-process.
 *
 * @packageDocumentation
 */

export {
  type CheckFinding,
  type CheckIssue,
  type CheckOptions,
  type CheckReport,
  check,
} from './commands/check';
export { type ConvertOptions, convert } from './commands/convert';
export { explain } from './commands/explain';
export {
  type PublishCommandOptions,
  type PublishReport,
  publish,
} from './commands/publish';
export { type SimulateOptions, simulate } from './commands/simulate';
export {
  type TraceFlag,
  type TraceHop,
  type TraceOptions,
  type TraceReport,
  trace,
} from './commands/trace';
export type { RawRequest, RawRequestInit, RawResponse } from './commands/trace-http';
export { type RedisCommandOptions, rollback, versions } from './commands/versions';
export { type CliFormat, type ReadFormat, readFormats, writeFormats } from './formats';
export type { NetworkError } from './network-error';
export {
  type CommandResult,
  colorEnabled,
  type ExitCode,
  exitCodes,
  type OutputOptions,
} from './output';
export { type CliIO, runCli } from './program';
export { escapeTerminal } from './terminal';
