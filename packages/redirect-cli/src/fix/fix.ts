import { type ParseableFormat, parseRedirects } from '@org/redirect-core/formats';
import type { Finding, PathOptions, RedirectRule, RuleOrigin } from '@org/redirect-core/map';
import { editInPlace, type RuleEdit } from './edit';
import { decideFixes, type FixDecision } from './prove';
import { compareMaps } from './verify';

/** A fix `--fix` leaves as a suggestion, and why. */
export interface UnappliedFix {
  readonly index: number;
  readonly rule: RedirectRule | undefined;
  readonly reason: string;
}

/** What `--fix` would write. */
export interface FixPlan {
  /** The file with the applied fixes; the original text when none applies. */
  readonly text: string;
  readonly applied: readonly RuleEdit[];
  readonly unapplied: readonly UnappliedFix[];
  /** Generated requests both maps answered the same way. */
  readonly compared: number;
  /** Set when nothing may be written: the edited file does not answer as the original does. */
  readonly refused?: string;
}

// Above this many rules, the comparison generates requests for the rewritten rules only.
const EVERY_RULE_UP_TO = 2_000;

/**
 * Plans `check --fix`: the collapsed chains that keep every answer (see `prove.ts`), written in
 * place (see `edit.ts`), then checked twice before anything is written: the edited text must
 * read back as exactly the intended rules, and both maps must answer every generated request
 * the same way (see `verify.ts`). Any failure refuses the whole write.
 */
export function planFixes(input: {
  readonly text: string;
  readonly format: ParseableFormat;
  readonly rules: readonly RedirectRule[];
  readonly origins: readonly (RuleOrigin | undefined)[];
  readonly findings: readonly Finding[];
  /** How the file's host compares paths (`ParsedRedirects.options`). */
  readonly options?: PathOptions;
  /** Decisions already made (a retry after the comparison ruled one out). */
  readonly decided?: readonly FixDecision[];
}): FixPlan {
  const mapOptions = input.options ?? {};
  const unapplied: UnappliedFix[] = [];
  let edits: RuleEdit[] = [];
  const label = (index: number): string => {
    const line = input.origins[index]?.line;
    return `${line === undefined ? `rule ${index + 1}` : `line ${line}`} (${input.rules[index]?.from})`;
  };
  const decisions =
    input.decided ??
    decideFixes(input.rules, input.findings, {
      label,
      ...(mapOptions.caseSensitive === undefined
        ? {}
        : { caseSensitive: mapOptions.caseSensitive }),
    });
  for (const decision of decisions) {
    if (decision.kind === 'apply') edits.push({ index: decision.index, rule: decision.rule });
    else unapplied.push(decision);
  }
  let text = input.text;
  for (;;) {
    if (edits.length === 0) break;
    const edited = editInPlace({ ...input, edits });
    if (edited.ok) {
      text = edited.text;
      break;
    }
    const failed = edits.find((edit) => edit.index === edited.index)!;
    unapplied.push({ ...failed, reason: edited.reason });
    edits = edits.filter((edit) => edit !== failed);
  }
  const plan = { applied: edits, unapplied: unapplied.sort((a, b) => a.index - b.index) };
  if (edits.length === 0) return { ...plan, text: input.text, compared: 0 };

  const expected = [...input.rules];
  for (const edit of edits) expected[edit.index] = edit.rule;
  let reread: RedirectRule[];
  try {
    const parsed = parseRedirects(text, input.format);
    reread = parsed.rules;
    const lines = (origins: readonly (RuleOrigin | undefined)[]) =>
      JSON.stringify(origins.map((origin) => origin?.line));
    if (lines(parsed.origins) !== lines(input.origins)) throw new Error('lines moved');
  } catch {
    return {
      ...plan,
      text: input.text,
      compared: 0,
      refused: 'the edited file does not read back',
    };
  }
  if (stable(reread.map(canonical)) !== stable(expected.map(canonical))) {
    return {
      ...plan,
      text: input.text,
      compared: 0,
      refused: 'the edited file reads back as other rules than intended',
    };
  }
  // The rewritten rules first, so the request budget covers them whatever the file's size.
  const edited = edits.map((edit) => edit.index);
  const others =
    input.rules.length <= EVERY_RULE_UP_TO
      ? input.rules.map((_, index) => index).filter((index) => !edited.includes(index))
      : [];
  const focus = [...edited, ...others];
  const { difference, requests } = compareMaps(input.rules, reread, {
    map: mapOptions,
    focus,
  });
  if (difference !== null) {
    const { request, before, after, rule } = difference;
    const why = `${request.method} ${request.url} would answer differently (before: ${before}; after: ${after})`;
    const culprit = edits.find((edit) => edit.index === rule);
    if (culprit === undefined)
      return { ...plan, text: input.text, compared: requests, refused: why };
    // The proof missed a case the requests show: leave that rule, and check the rest again.
    const rest = decisionsWithout(decisions, culprit.index, why);
    return planFixes({ ...input, decided: rest });
  }
  return { ...plan, text, compared: requests };
}

// A rule with `preserveQuery`'s default spelled out, to compare what two reads mean.
function canonical(rule: RedirectRule): unknown {
  const { preserveQuery, ...rest } = rule;
  return { ...rest, preserveQuery: preserveQuery !== false };
}

// JSON with object keys sorted at every level, so key order does not count.
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function decisionsWithout(
  decisions: readonly FixDecision[],
  index: number,
  reason: string,
): FixDecision[] {
  return decisions.map((decision) =>
    decision.kind === 'apply' && decision.index === index
      ? { kind: 'suggest', index, rule: decision.rule, reason }
      : decision,
  );
}
