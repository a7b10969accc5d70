import { sources } from '@org/redirect-core/sources';
import {
  type ClientFamily,
  clientFamilies,
  clientFamilyNames,
  isStatusCode,
  redirectStatuses,
  type SourceId,
  type StatusEntry,
} from '@org/redirect-core/status';
import { z } from 'zod';
import {
  type CommandResult,
  colors,
  exitCodes,
  lines,
  type OutputOptions,
  toJson,
  usageError,
} from '../output';
import { sendIt } from './send-it';

const codeSchema = z.coerce
  .number({ error: 'the code must be a number such as 301' })
  .int('the code must be a whole number such as 301')
  .refine(isStatusCode, { error: 'only 300 to 308 are described; try 301, 302, 303, 307 or 308' });

// How each method rule reads in a sentence.
const rewriteText = {
  none: 'keeps the method and body',
  post: 'turns POST into GET (other methods kept)',
  'post-optional': 'may turn POST into GET',
  'all-but-get-head': 'turns every method but GET and HEAD into GET',
  'post-cross-origin': 'turns POST into GET on a move to another origin',
  'not-followed': 'does not follow it',
} as const;

/**
 * `redirects explain <code>`: the semantics of a 3xx code from `redirectStatuses`, each fact with
 * the document it comes from.
 *
 * @example
 * ```ts
 * const { exitCode, stdout } = explain('308', { json: true });
 * JSON.parse(stdout).status.reason; // 'Permanent Redirect'
 * ```
 */
export function explain(code: string, options: OutputOptions = {}): CommandResult {
  const parsed = codeSchema.safeParse(code);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]?.message ?? 'invalid code';
    return usageError(`@org/redirect-cli: explain ${JSON.stringify(code)}: ${issue}`, options);
  }
  const entry: StatusEntry = redirectStatuses[parsed.data as keyof typeof redirectStatuses];
  const cited = citedSources(entry);
  if (options.json) {
    const table = Object.fromEntries(cited.map((id) => [id, sources[id]]));
    return { exitCode: exitCodes.ok, stdout: toJson({ status: entry, sources: table }) };
  }
  return { exitCode: exitCodes.ok, stdout: lines(explainText(entry, cited, options)) };
}

function explainText(entry: StatusEntry, cited: SourceId[], options: OutputOptions): string[] {
  const c = colors(options.color);
  const ref = (id: SourceId) => c.dim(`[${cited.indexOf(id) + 1}]`);
  const permanence = { yes: 'permanent', no: 'temporary', 'n/a': 'not a move' }[
    entry.permanent.value
  ];
  const field = (label: string, text: string) => `  ${`${label}:`.padEnd(18)} ${text}`;
  const out = [
    `${c.bold(`${entry.code} ${entry.reason}`)} ${c.dim(`(${entry.kind})`)}`,
    '',
    field('permanent', `${permanence} ${ref(entry.permanent.source)}`),
    field(
      'followed by fetch',
      `${entry.followedByFetch.value ? 'yes' : 'no'} ${ref(entry.followedByFetch.source)}`,
    ),
    field(
      'search',
      `canonical ${entry.search.canonical}, ${entry.search.consolidatesOnTarget ? 'signals move to the target' : 'signals stay on the source'} ${ref(entry.search.source)}`,
    ),
    field('cache', `${entry.cache.browsers.value} ${ref(entry.cache.browsers.source)}`),
    '',
    c.bold('Method and body per client'),
  ];
  for (const family of clientFamilies as readonly ClientFamily[]) {
    const rule = entry.methods[family];
    const note = rule.note ? c.dim(` (${rule.note})`) : '';
    out.push(
      `  ${clientFamilyNames[family].padEnd(28)} ${rewriteText[rule.rewrite]}${note} ${ref(rule.source)}`,
    );
  }
  const caveats = entry.support.caveats;
  if (caveats.length > 0) {
    out.push('', c.bold('Caveats'));
    for (const caveat of caveats) out.push(`  - ${caveat.value} ${ref(caveat.source)}`);
  }
  const sent = sendIt(entry.code);
  if (sent) {
    out.push('', c.bold('How to send it'));
    for (const line of sent.lines) out.push(`  ${line.adapter.padEnd(8)} ${line.call}`);
  }
  out.push('', `${c.green('Use when:')}   ${entry.useWhen}`);
  out.push(`${c.yellow('Avoid when:')} ${entry.avoidWhen}`);
  if (entry.mistakes.length > 0) {
    out.push('', c.bold('Common mistakes'));
    for (const mistake of entry.mistakes) out.push(`  - ${mistake}`);
  }
  out.push(
    '',
    `Defined in ${entry.spec.definedIn.name}; introduced in ${entry.spec.introducedIn.name}.`,
  );
  out.push('', c.bold('Sources'));
  cited.forEach((id, i) => {
    out.push(`  [${i + 1}] ${sources[id].title}`);
    out.push(`      ${c.cyan(sources[id].url)}`);
  });
  return out;
}

// Every source the row names, in the order the text cites them.
function citedSources(entry: StatusEntry): SourceId[] {
  const ids: SourceId[] = [
    entry.permanent.source,
    entry.followedByFetch.source,
    entry.search.source,
    entry.cache.browsers.source,
    entry.cache.heuristic.source,
    ...clientFamilies.map((family) => entry.methods[family].source),
    ...entry.support.caveats.map((caveat) => caveat.source),
    entry.spec.definedIn.source,
    entry.spec.introducedIn.source,
  ];
  if (entry.support.browsers) ids.push(entry.support.browsers.source);
  return [...new Set(ids)];
}
