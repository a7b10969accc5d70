import type { RequestView, RulePicker } from './conditions';

/** Rule indexes on a node: one, several in order, or none. */
type Rules = number | readonly number[] | null;

/** What the index reads of a segment-tree node (the tree's `TreeNode` has this shape). */
export interface TreeNodeShape {
  readonly literal: string;
  readonly lit: ReadonlyMap<number, TreeNodeShape | readonly TreeNodeShape[]> | null;
  readonly param: TreeNodeShape | null;
  readonly end: Rules;
  readonly splat: Rules;
}

/**
 * The pattern rules as one bit set per (depth, segment): the lookup that stays bounded when a
 * search of the segment tree would not. A tree search visits every node whose path matches the
 * request, and rules mixing literal and param segments can make that every node (2^16 rules of
 * 16 segments, each `a` or `:p`, all match `/a/a/...`). Here a lookup intersects, for each
 * segment of the request, the rules that accept it there (a param, a splat started earlier, or
 * that literal): at most one pass over a bit set of all rules per segment, whatever the rules.
 *
 * Built from the tree on the first search that exceeds its budget, so maps that never need it
 * pay nothing for it.
 */
export class SegmentIndex {
  /** Words per bit set: one bit per rule index. */
  readonly #words: number;
  /** Per depth: rules whose segment there is a param (they need a non-empty segment). */
  readonly #param: Uint32Array[] = [];
  /** Per depth: rules whose splat starts at or before it (they take any segment there). */
  readonly #splat: Uint32Array[] = [];
  /** Per depth: rules whose segment there is a literal, by literal (sorted indexes or a bit set). */
  readonly #literal: Map<string, Int32Array | Uint32Array>[] = [];
  /** Per segment count: rules without a splat that have exactly that many segments. */
  readonly #length: (Uint32Array | undefined)[] = [];
  readonly #scratch: Uint32Array;
  readonly #candidates: Uint32Array;
  readonly #zero: Uint32Array;

  constructor(
    root: TreeNodeShape,
    ruleCount: number,
    readonly picker: RulePicker,
  ) {
    this.#words = (ruleCount + 31) >>> 5;
    this.#scratch = new Uint32Array(this.#words);
    this.#candidates = new Uint32Array(this.#words);
    this.#zero = new Uint32Array(this.#words);
    const literals: Map<string, number[]>[] = [];
    const ends: number[][] = [];
    const splatsAt: number[][] = [];
    // The edges from the root to the node being visited: a literal, or null for a param.
    const path: (string | null)[] = [];
    const record = (rules: Rules, length: number, into: number[][]): void => {
      if (rules === null) return;
      for (const index of typeof rules === 'number' ? [rules] : rules) {
        const list = into[length];
        if (list === undefined) into[length] = [index];
        else list.push(index);
        for (let depth = 0; depth < length; depth++) {
          const edge = path[depth]!;
          if (edge === null) this.#set(this.#param, depth, index);
          else {
            let byLiteral = literals[depth];
            if (byLiteral === undefined) {
              byLiteral = new Map();
              literals[depth] = byLiteral;
            }
            const list = byLiteral.get(edge);
            if (list === undefined) byLiteral.set(edge, [index]);
            else list.push(index);
          }
        }
      }
    };
    const visit = (node: TreeNodeShape): void => {
      const depth = path.length;
      record(node.splat, depth, splatsAt);
      record(node.end, depth, ends);
      if (node.lit !== null) {
        for (const bucket of node.lit.values()) {
          for (const child of Array.isArray(bucket) ? bucket : [bucket]) {
            path.push(child.literal);
            visit(child);
            path.pop();
          }
        }
      }
      if (node.param !== null) {
        path.push(null);
        visit(node.param);
        path.pop();
      }
    };
    visit(root);

    // A splat started at depth k covers every depth from k on, and fits every length from k on.
    const deepest = Math.max(literals.length, this.#param.length, ends.length, splatsAt.length);
    let covering = new Uint32Array(this.#words);
    for (let depth = 0; depth <= deepest; depth++) {
      const started = splatsAt[depth];
      if (started !== undefined) {
        covering = covering.slice();
        for (const index of started) covering[index >>> 5]! |= 1 << (index & 31);
      }
      // Also, per segment count, the splat rules that fit a path of that many segments or more.
      this.#splat[depth] = covering;
      const exact = ends[depth];
      if (exact !== undefined) this.#length[depth] = this.#bits(exact);
    }
    // Long lists as bit sets (a lookup ORs them word by word), short ones as sorted indexes:
    // at most 32 bit sets per depth, so the index stays within 4 bytes per rule segment.
    for (const [depth, byLiteral] of literals.entries()) {
      const compiled = new Map<string, Int32Array | Uint32Array>();
      if (byLiteral !== undefined) {
        for (const [literal, list] of byLiteral) {
          compiled.set(
            literal,
            list.length * 32 > ruleCount ? this.#bits(list) : Int32Array.from(list).sort(),
          );
        }
      }
      this.#literal[depth] = compiled;
    }
  }

  #set(sets: Uint32Array[], depth: number, index: number): void {
    let set = sets[depth];
    if (set === undefined) {
      set = new Uint32Array(this.#words);
      sets[depth] = set;
    }
    set[index >>> 5]! |= 1 << (index & 31);
  }

  #bits(list: readonly number[]): Uint32Array {
    const set = new Uint32Array(this.#words);
    for (const index of list) set[index >>> 5]! |= 1 << (index & 31);
    return set;
  }

  /**
   * The smallest rule index below `best` whose pattern matches the request's `segments` (as
   * the tree compares them: folded, unescaped) and whose conditions hold.
   */
  first(segments: readonly string[], best: number, req: RequestView | null): number {
    const count = segments.length;
    const candidates = this.#candidates;
    const scratch = this.#scratch;
    const words = this.#words;
    const exact = this.#length[count];
    const fits = this.#splat[Math.min(count, this.#splat.length - 1)]!;
    let any = 0;
    for (let w = 0; w < words; w++) {
      const word = (exact === undefined ? 0 : exact[w]!) | fits[w]!;
      candidates[w] = word;
      any |= word;
    }
    // The few indexes of a short literal list are set in `scratch` (all zero between lookups).
    const zero = this.#zero;
    for (let depth = 0; depth < count && any !== 0; depth++) {
      const segment = segments[depth]!;
      const splat = this.#splat[Math.min(depth, this.#splat.length - 1)]!;
      const param = (segment === '' ? undefined : this.#param[depth]) ?? zero;
      const literal = this.#literal[depth]?.get(segment);
      let dense = zero;
      if (literal instanceof Uint32Array) dense = literal;
      else if (literal !== undefined) {
        dense = scratch;
        for (const index of literal) scratch[index >>> 5]! |= 1 << (index & 31);
      }
      any = 0;
      for (let w = 0; w < words; w++) {
        const word = candidates[w]! & (splat[w]! | param[w]! | dense[w]!);
        candidates[w] = word;
        any |= word;
      }
      if (dense === scratch) for (const index of literal as Int32Array) scratch[index >>> 5] = 0;
    }
    if (any === 0) return best;
    // Candidates in rule order: the first whose conditions hold answers.
    const last = Math.min(words, Math.ceil(best / 32));
    for (let w = 0; w < last; w++) {
      let word = candidates[w]!;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        const index = (w << 5) | bit;
        if (index >= best) return best;
        if (this.picker.firstOf(index, best, req) === index) return index;
        word &= word - 1;
      }
    }
    return best;
  }
}
