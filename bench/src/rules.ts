import type { RedirectRule } from '@org/redirect-core';

/** A generated rule with its kind, so the expected answer of every request is known. */
export type RuleKind = 'exact' | 'param' | 'splat';

/** The rule mix the issue names: 70% exact, 20% one-param, 10% splat. */
export function kindOf(i: number, allExact = false): RuleKind {
  if (allExact) return 'exact';
  const r = i % 10;
  return r < 7 ? 'exact' : r < 9 ? 'param' : 'splat';
}

/**
 * The rule the adapter benchmark's "rule hit" requests match: an exact rule of the mix (rules
 * 7 and 8 of every ten are params, so `/e7/page-7` matches nothing), and its path.
 */
export const hitIndex = 6;
export const hitPath = `/e${hitIndex}/page-${hitIndex}`;

/** `n` rules of the mix; rule i has a unique first segment, so at most one rule matches. */
export function generateRules(n: number, allExact = false): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kindOf(i, allExact);
    if (kind === 'exact') rules.push({ from: `/e${i}/page-${i}`, to: `/new/e${i}`, status: 301 });
    else if (kind === 'param')
      rules.push({ from: `/p${i}/:slug`, to: `/new/p${i}/:slug`, status: 301 });
    else rules.push({ from: `/s${i}/*`, to: `/new/s${i}/:splat`, status: 301 });
  }
  return rules;
}

/** A request path and the rule index it must match (-1 for a miss). */
export interface Request {
  path: string;
  expected: number;
}

/** A seeded PRNG (mulberry32), so every run asks the same questions. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` requests: 80% hits spread over all rules, 20% misses. */
export function generateRequests(
  n: number,
  count: number,
  seed: number,
  allExact = false,
): Request[] {
  const rand = random(seed);
  const requests: Request[] = [];
  for (let k = 0; k < count; k++) {
    if (rand() < 0.2) {
      requests.push({ path: `/missing/${Math.floor(rand() * 1e9)}/x`, expected: -1 });
      continue;
    }
    const i = Math.floor(rand() * n);
    const kind = kindOf(i, allExact);
    const tail = Math.floor(rand() * 1e6);
    const path =
      kind === 'exact'
        ? `/e${i}/page-${i}`
        : kind === 'param'
          ? `/p${i}/item-${tail}`
          : `/s${i}/a/b-${tail}`;
    requests.push({ path, expected: i });
  }
  return requests;
}

/**
 * Fresh, flat copies of the request paths: strings decoded from a buffer, so no strategy
 * benefits from a hash cached on a string another strategy already looked up.
 */
export function freshPaths(requests: readonly Request[]): string[] {
  const text = requests.map((r) => r.path).join('\n');
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const paths: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      paths.push(decoder.decode(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  return paths;
}
