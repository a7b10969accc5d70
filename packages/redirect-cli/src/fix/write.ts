import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `file` with `text` atomically: the new bytes go to a temporary file beside it (same
 * directory, so the same file system), which then takes the file's place with one `rename`.
 * A reader sees the old file or the new one, never half of it. The file's mode is kept. Refuses
 * (returns the reason) when the file no longer holds `expected`, the text it was read as.
 */
export async function replaceFile(
  file: string,
  expected: string,
  text: string,
): Promise<string | null> {
  const current = await readFile(file);
  if (!current.equals(Buffer.from(expected, 'utf8'))) {
    return `${file} changed while it was checked, or is not UTF-8 text; nothing was written`;
  }
  const { mode } = await stat(file);
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx', mode });
    await chmod(temporary, mode);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return null;
}
