import { RedirectParseError } from './errors';
import type { RedirectFormat } from './types';

/**
 * How deep arrays and objects may nest. A redirect file needs about 5 levels; the bound keeps
 * `JSON.parse`, zod and the line scan below from running out of stack (a `RangeError`).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * `JSON.parse`, with a syntax error turned into a {@link RedirectParseError} naming the line, and
 * nesting deeper than {@link MAX_JSON_DEPTH} refused the same way before anything recurses.
 */
export function parseJsonText(
  text: string,
  format: RedirectFormat,
  file: string | undefined,
): unknown {
  const tooDeep = depthExceededAt(text, MAX_JSON_DEPTH);
  if (tooDeep !== -1) {
    throw new RedirectParseError(format, [
      {
        index: 0,
        line: lineAt(text, tooDeep),
        ...(file === undefined ? {} : { file }),
        field: '',
        message: `arrays and objects nest more than ${MAX_JSON_DEPTH} levels deep here; a redirect file needs a few.`,
      },
    ]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position === null ? undefined : lineAt(text, Number(position[1]));
    throw new RedirectParseError(format, [
      {
        index: 0,
        ...(line === undefined ? {} : { line }),
        ...(file === undefined ? {} : { file }),
        field: '',
        message: `the file is not valid JSON (${message}); fix the syntax there.`,
      },
    ]);
  }
}

/** The offset of the bracket that opens level `max + 1`, or -1: one pass, strings skipped. */
export function depthExceededAt(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: skip to its closing quote, over escapes.
      for (i += 1; i < text.length; i += 1) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 1;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > max) return i;
    } else if (c === 93 || c === 125) {
      depth -= 1;
    }
  }
  return -1;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * The 1-based line where each element of the rules array starts: the top-level array, or the
 * array under one of `keys` in a top-level object. Expects text that `JSON.parse` accepted.
 */
export function elementLines(text: string, keys: readonly string[]): number[] {
  const offsets: number[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && /[\s\uFEFF]/.test(text[i]!)) i += 1;
  };
  const skipString = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return text.slice(start, i);
  };
  const skipValue = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '"') {
      skipString();
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i += 1;
      skipSpace();
      while (i < text.length && text[i] !== close) {
        if (c === '{') {
          skipString();
          skipSpace();
          i += 1; // ':'
        }
        skipValue();
        skipSpace();
        if (text[i] === ',') i += 1;
        skipSpace();
      }
      i += 1;
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i += 1;
    }
  };
  const recordArray = (): void => {
    i += 1;
    skipSpace();
    while (i < text.length && text[i] !== ']') {
      offsets.push(i);
      skipValue();
      skipSpace();
      if (text[i] === ',') i += 1;
      skipSpace();
    }
  };
  skipSpace();
  if (text[i] === '[') {
    recordArray();
  } else if (text[i] === '{') {
    i += 1;
    skipSpace();
    while (i < text.length && text[i] !== '}') {
      const key = JSON.parse(skipString()) as string;
      skipSpace();
      i += 1; // ':'
      skipSpace();
      if (keys.includes(key) && text[i] === '[') {
        recordArray();
        break;
      }
      skipValue();
      skipSpace();
      if (text[i] === ',') i += 1;
      skipSpace();
    }
  }
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (const offset of offsets) {
    for (; at < offset; at += 1) if (text.charCodeAt(at) === 10) line += 1;
    lines.push(line);
  }
  return lines;
}
