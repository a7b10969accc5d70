import {
  createRedirectMap,
  type HostMapOptions,
  type MatchAnswer,
  type ParseableFormat,
  parseRedirects,
  type RedirectRule,
  type RuleOrigin,
} from '@org/redirect-core';
import { problemsOf } from '../formats';

/** A parsed map: rules, their lines and the host's matching semantics. */
export interface ReadMap {
  readonly rules: readonly RedirectRule[];
  readonly origins: readonly RuleOrigin[];
  readonly options: HostMapOptions;
}

const SITE = 'https://site.test';

/**
 * What the written file does not say as the source did: the target refuses it (its own parser
 * throws), or a request answers differently. Requests are generated from each source rule: its
 * path with sample params and splats, with a trailing slash and with a query.
 */
export function checkConversion(
  source: ReadMap,
  text: string,
  target: ParseableFormat,
  file: string,
): { losses: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const losses = compare(source, text, target, file, warnings);
  return { losses, warnings };
}

function compare(
  source: ReadMap,
  text: string,
  target: ParseableFormat,
  file: string,
  warnings: string[],
): string[] {
  let written: ReadMap;
  try {
    const parsed = parseRedirects(text, target, { file: `${file} (as ${target})` });
    written = { rules: parsed.rules, origins: parsed.origins, options: parsed.options ?? {} };
  } catch (error) {
    return problemsOf(error).map(
      (problem) =>
        `${target} refuses what was written${problem.line === undefined ? '' : ` (line ${problem.line})`}: ${problem.message}`,
    );
  }
  let before: ReturnType<typeof createRedirectMap>;
  let after: ReturnType<typeof createRedirectMap>;
  try {
    before = createRedirectMap(source.rules, { origins: source.origins, ...source.options });
    after = createRedirectMap(written.rules, { origins: written.origins, ...written.options });
  } catch (error) {
    return problemsOf(error).map(
      (problem) => `the written rules do not compile: ${problem.message}`,
    );
  }
  const losses: string[] = [];
  const reported = new Set<number>();
  for (const [index, rule] of source.rules.entries()) {
    for (const url of probes(rule)) {
      const a = summary(before.match({ url }), url);
      const b = summary(after.match({ url }), url);
      if (a === b || reported.has(index)) continue;
      reported.add(index);
      const line = source.origins[index]?.line;
      losses.push(
        `rule ${index + 1}${line === undefined ? '' : ` (line ${line})`} ${rule.from}: ${new URL(url).pathname}${new URL(url).search} answers ${a} in the source and ${b} in ${target}.`,
      );
    }
  }
  // A note, not a loss: every rule with a letter would otherwise be one.
  const before_ = source.options.caseSensitive === true;
  const after_ = written.options.caseSensitive === true;
  if (before_ !== after_) {
    warnings.push(
      `paths compare ${before_ ? 'with' : 'without'} their case in the source and ${after_ ? 'with' : 'without'} in ${target}: requests that differ only in case may answer differently.`,
    );
  }
  return losses;
}

// Sample requests for a rule: params as "x1", splats as "a/b", a trailing slash, a query.
function probes(rule: RedirectRule): string[] {
  const path =
    rule.from
      .replace(/:[A-Za-z_][A-Za-z0-9_]*(\([^)]*\))?[*+]/g, 'a/b')
      .replace(/:[A-Za-z_][A-Za-z0-9_]*(\([^)]*\))?\??/g, 'x1')
      .replace(/\(\.\*\)|\*/g, 'a/b')
      .replace(/[()\\]/g, '') || '/';
  const origin = rule.host === undefined ? SITE : `${rule.scheme ?? 'https'}://${rule.host}`;
  const query = Object.entries(rule.query ?? {})
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key)}=${encodeURIComponent(value === true || value.startsWith(':') ? 'v' : value)}`,
    )
    .join('&');
  const base = `${origin}${path}`;
  const urls = [base, `${base}${path.endsWith('/') ? '' : '/'}`];
  if (query !== '') urls.push(`${base}?${query}`, `${base}?${query}&utm=1`);
  else urls.push(`${base}?utm=1`);
  return urls;
}

function summary(answer: MatchAnswer | null, url: string): string {
  if (answer === null) return 'nothing';
  if (answer.kind === 'serve') return `"served by the host" (${answer.status})`;
  return `${answer.status} ${new URL(answer.location, url).href}`;
}
