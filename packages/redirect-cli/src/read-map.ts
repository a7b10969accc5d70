import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { detectFormat } from '@org/redirect-core/formats';
import { type ReadFormat, readFormatSchema } from './formats';
import { type CommandResult, errorMessage, type OutputOptions, usageError } from './output';

/** A map file read from disk with its format, or the usage error that stopped the read. */
export type MapRead =
  | { readonly ok: true; readonly text: string; readonly format: ReadFormat }
  | { readonly ok: false; readonly result: CommandResult };

/**
 * Reads the map `file` that `check` and `convert` take, in the format named by `flag`
 * (`--format`, `--from`) or, when that is absent, the one core detects from name and content.
 */
export async function readMap(
  file: string,
  flag: { readonly name: string; readonly value: string | undefined },
  options: OutputOptions,
): Promise<MapRead> {
  const fail = (message: string): MapRead => ({ ok: false, result: usageError(message, options) });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`@org/redirect-cli: cannot read ${file}: ${errorMessage(error)}`);
  }
  if (flag.value !== undefined) {
    const parsed = readFormatSchema.safeParse(flag.value);
    if (!parsed.success) {
      return fail(
        `@org/redirect-cli: ${flag.name} ${flag.value}: ${parsed.error.issues[0]?.message}`,
      );
    }
    return { ok: true, text, format: parsed.data };
  }
  const detected = detectFormat(text, basename(file));
  if (!detected) {
    return fail(
      `@org/redirect-cli: cannot tell the format of ${file}; pass ${flag.name} json|csv|netlify|next`,
    );
  }
  return { ok: true, text, format: detected };
}
