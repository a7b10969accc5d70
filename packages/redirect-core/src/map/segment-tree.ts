import type { RequestView, RulePicker } from './conditions';
import { foldSegment, type ParsedPattern, type PathOptions } from './pattern';
import { SegmentIndex } from './segment-index';

/**
 * Rule indexes in order: one alone as a number (most tree nodes hold one rule, and an array
 * per rule costs 56 bytes), several as an array, or none.
 */
export type Rules = number | number[] | null;

function withRule(rules: Rules, index: number): number | number[] {
  if (rules === null) return index;
  if (typeof rules === 'number') return [rules, index];
  rules.push(index);
  return rules;
}

/** A node of the compiled segment tree of pattern rules. */
export class TreeNode {
  /**
   * Literal children by a hash of their (folded) segment: looking a request segment up needs
   * no substring, so no allocation. A bucket holds the children whose hashes collide.
   */
  lit: Map<number, TreeNode | TreeNode[]> | null = null;
  param: TreeNode | null = null;
  /** Pattern rules ending here. */
  end: Rules = null;
  /** Rules whose splat starts here (it matches zero or more segments). */
  splat: Rules = null;
  /**
   * The smallest rule index in this subtree, to prune the search. Starts at the largest small
   * integer rather than Infinity, so the field holds a small integer, not a boxed double.
   */
  min = 0x3fffffff;

  /** @param literal The segment on the edge into this node ('' for the root and params). */
  constructor(readonly literal = '') {}

  /** The literal child for `text[from, to)`, if any. */
  child(text: string, from: number, to: number): TreeNode | undefined {
    const found = this.lit!.get(hashRange(text, from, to));
    if (found === undefined) return undefined;
    if (!Array.isArray(found)) return sameText(found.literal, text, from, to) ? found : undefined;
    for (const node of found) if (sameText(node.literal, text, from, to)) return node;
    return undefined;
  }

  /** The literal child for `literal`, created when missing. */
  addChild(literal: string): TreeNode {
    if (this.lit === null) this.lit = new Map();
    const existing = this.child(literal, 0, literal.length);
    if (existing !== undefined) return existing;
    const node = new TreeNode(literal);
    const hash = hashRange(literal, 0, literal.length);
    const bucket = this.lit.get(hash);
    if (bucket === undefined) this.lit.set(hash, node);
    else if (Array.isArray(bucket)) bucket.push(node);
    else this.lit.set(hash, [bucket, node]);
    return node;
  }
}

// FNV-1a over text[from, to), kept in the small-integer range so Map keys stay unboxed.
function hashRange(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 2;
}

function sameText(literal: string, text: string, from: number, to: number): boolean {
  return literal.length === to - from && text.startsWith(literal, from);
}

// A key segment decoded back (keys escape "%" and "/" inside segments).
function unescapeKeySegment(segment: string): string {
  return segment.replace(/%(?:25|2f|3f|23)/gi, (m) =>
    m === '%25' ? '%' : m === '%23' ? '#' : m[2] === '3' ? '?' : '/',
  );
}

/**
 * Node visits a tree search may make before the lookup switches to the {@link SegmentIndex}:
 * ordinary rule sets need a few per segment of the request; 256 visits take about 50 µs.
 */
export const SEARCH_BUDGET = 256;

// A key's segments as the tree compares them ("/" has none).
function keySegments(key: string, escaped: boolean): string[] {
  if (key === '/') return [];
  const segments = key.slice(1).split('/');
  if (escaped) {
    for (let i = 0; i < segments.length; i++) {
      if (segments[i]!.includes('%')) segments[i] = unescapeKeySegment(segments[i]!);
    }
  }
  return segments;
}

/**
 * The pattern rules compiled into a tree of segments: a literal edge per distinct segment, one
 * param edge, and splats and ends recorded on nodes, each with the smallest rule index below
 * it so a search stops as soon as nothing earlier can match.
 */
export class SegmentTree {
  readonly root = new TreeNode();
  /** How many pattern rules the tree holds. */
  size = 0;
  /** Whether the key being searched holds escapes (set before each search). */
  escaped = false;
  /** Nodes the current search has visited. */
  visits = 0;
  /** The bounded lookup, built on the first search that runs out of budget. */
  #index: SegmentIndex | undefined;

  constructor(
    readonly picker: RulePicker,
    readonly path: PathOptions,
    /** The number of rules of the map (pattern rules have indexes below it). */
    readonly ruleCount: number,
  ) {}

  /**
   * The smallest rule index below `best` whose pattern matches the path key and whose
   * conditions hold (all hold when `req` is null). The tree search answers in a few node
   * visits for real rule sets; one that would visit more than {@link SEARCH_BUDGET} nodes
   * (rules built to make every branch match) is answered by the {@link SegmentIndex} instead,
   * whose cost is bounded by the rule count.
   */
  first(key: string, best: number, req: RequestView | null): number {
    this.visits = 0;
    const found = this.search(this.root, key, key === '/' ? -1 : 1, best, req);
    if (this.visits <= SEARCH_BUDGET) return found;
    this.#index ??= new SegmentIndex(this.root, this.ruleCount, this.picker);
    return this.#index.first(keySegments(key, this.escaped), best, req);
  }

  /** Adds rule `index` with its parsed `from`. */
  add(pattern: ParsedPattern, index: number): void {
    this.size++;
    let node = this.root;
    if (node.min > index) node.min = index;
    for (const segment of pattern.segments) {
      if (segment.kind === 'splat') {
        node.splat = withRule(node.splat, index);
        return;
      }
      let next: TreeNode | undefined;
      if (segment.kind === 'param') {
        next = node.param ?? new TreeNode();
        node.param = next;
      } else {
        next = node.addChild(foldSegment(segment.value, this.path));
      }
      node = next;
      if (node.min > index) node.min = index;
    }
    node.end = withRule(node.end, index);
  }

  /**
   * The smallest rule index below `best` whose pattern matches the path key from `at` (the
   * start of a segment; -1 past the last) and whose conditions hold (all hold when `req` is
   * null). Walks the key in place rather than splitting it.
   */
  search(node: TreeNode, key: string, at: number, best: number, req: RequestView | null): number {
    if (++this.visits > SEARCH_BUDGET || node.min >= best) return best;
    if (node.splat !== null) best = this.picker.firstOf(node.splat, best, req);
    if (at === -1) return node.end === null ? best : this.picker.firstOf(node.end, best, req);
    const slash = key.indexOf('/', at);
    const next = slash === -1 ? -1 : slash + 1;
    if (node.lit !== null) {
      const end = slash === -1 ? key.length : slash;
      const percent = this.escaped ? key.indexOf('%', at) : -1;
      let child: TreeNode | undefined;
      if (percent === -1 || percent >= end) child = node.child(key, at, end);
      else {
        const segment = unescapeKeySegment(key.slice(at, end));
        child = node.child(segment, 0, segment.length);
      }
      if (child !== undefined) best = this.search(child, key, next, best, req);
    }
    // A param never takes an empty segment.
    if (node.param !== null && slash !== at && at !== key.length) {
      best = this.search(node.param, key, next, best, req);
    }
    return best;
  }
}
