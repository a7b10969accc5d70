import { writeFile } from 'node:fs/promises';
import { parseRedirects, serializeRedirects } from '@org/redirect-core/formats';
import { coreFormat, problemsOf, writeFormatSchema } from '../formats';
import {
  type CommandResult,
  colors,
  exitCodes,
  failure,
  lines,
  type OutputOptions,
  toJson,
  usageError,
} from '../output';
import { readMap } from '../read-map';
import { checkConversion } from './convert-check';

/** Options of {@link convert}. */
export interface ConvertOptions extends OutputOptions {
  /** The target format: `json`, `csv`, `netlify`, `next` (or `vercel`) or `nginx`. */
  readonly to: string;
  /** The source format; detected from the name and content when absent. */
  readonly from?: string;
  /** Write here instead of printing the converted map. */
  readonly out?: string;
  /**
   * Write even what the target cannot say as the source did, listing each loss. Without it a
   * loss is an error (exit 1) and nothing is written.
   */
  readonly lossy?: boolean;
}

/**
 * `redirects convert <file> --to <format>`: reads a redirect map and writes it in another
 * format, then checks what it wrote: the target's own reader must accept it, and requests
 * generated from every rule must answer as before. A rule the target refuses, or whose meaning
 * it cannot express, is an error (exit 1, nothing written) unless `--lossy`, which writes and
 * lists each loss on stderr (or under `lost` with `--json`).
 *
 * Exit code 0 when converted, 1 when the input has errors or the conversion loses meaning
 * (without `--lossy`), 2 on bad arguments.
 *
 * @example
 * ```ts
 * const { stdout } = await convert('_redirects', { to: 'next' });
 * ```
 */
export async function convert(file: string, options: ConvertOptions): Promise<CommandResult> {
  const to = writeFormatSchema.safeParse(options.to);
  if (!to.success) {
    return usageError(
      `@org/redirect-cli: --to ${options.to}: ${to.error.issues[0]?.message}`,
      options,
    );
  }
  const read = await readMap(file, { name: '--from', value: options.from }, options);
  if (!read.ok) return read.result;
  const { text } = read;
  const from = coreFormat(read.format);
  let result: { text: string; lost: readonly string[] };
  let warnings: readonly string[];
  try {
    const parsed = parseRedirects(text, from, { file });
    warnings = parsed.warnings;
    const target = coreFormat(to.data);
    const written = serializeRedirects(parsed.rules, target);
    const checked =
      target === 'nginx'
        ? { losses: [], warnings: [] }
        : checkConversion(
            { rules: parsed.rules, origins: parsed.origins, options: parsed.options ?? {} },
            written.text,
            target,
            file,
          );
    warnings = [...warnings, ...checked.warnings];
    result = { text: written.text, lost: [...written.lost, ...checked.losses] };
  } catch (error) {
    const problems = problemsOf(error).map(
      (problem) =>
        `${file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`,
    );
    return failure(
      exitCodes.findings,
      `@org/redirect-cli: cannot convert ${file}\n  ${problems.join('\n  ')}`,
      options,
    );
  }
  if (result.lost.length > 0 && !options.lossy) {
    return failure(
      exitCodes.findings,
      `@org/redirect-cli: ${file} cannot be written as ${to.data} without losing meaning; nothing was written (pass --lossy to write it anyway):\n  ${result.lost.join('\n  ')}`,
      options,
    );
  }
  if (options.out !== undefined) await writeFile(options.out, result.text);
  if (options.json) {
    const output = { from, to: to.data, text: result.text, lost: result.lost, warnings };
    return { exitCode: exitCodes.ok, stdout: toJson(output) };
  }
  const c = colors(options.color);
  const stderr = lines([
    ...warnings.map((note) => `${c.yellow('warning')} ${note}`),
    ...result.lost.map((note) => `${c.yellow('lost')} ${note}`),
    ...(options.out === undefined ? [] : [c.green(`Wrote ${options.out} (${to.data}).`)]),
  ]);
  return { exitCode: exitCodes.ok, stdout: options.out === undefined ? result.text : '', stderr };
}
