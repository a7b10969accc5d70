import { headerValues } from '../headers/headers';
import { CONDITIONAL } from './flags';
import { decodeQueryComponent } from './pattern';
import type { RuleConditions } from './rules';
import type { MatchInput } from './types';

/** The request, for rules with conditions: parsed only as far as a condition needs. */
export class RequestView {
  readonly method: string;
  #host: string | null | undefined;
  #query: Map<string, string[]> | undefined;

  constructor(
    readonly input: MatchInput,
    readonly rawQuery: string,
    readonly urlHost: string | null,
  ) {
    this.method = typeof input.method === 'string' ? input.method.toUpperCase() : 'GET';
  }

  host(): string | null {
    if (this.#host === undefined) {
      let host = this.urlHost;
      if (host === null && this.input.headers != null) {
        host =
          headerValues(this.input.headers, 'host')[0] ??
          headerValues(this.input.headers, ':authority')[0] ??
          null;
      }
      this.#host = host === null ? null : host.trim().toLowerCase();
    }
    return this.#host;
  }

  query(): Map<string, string[]> {
    if (this.#query === undefined) {
      const map = new Map<string, string[]>();
      for (const pair of this.rawQuery.split('&')) {
        if (pair === '') continue;
        const eq = pair.indexOf('=');
        const key = decodeQueryComponent(eq === -1 ? pair : pair.slice(0, eq));
        const value = eq === -1 ? '' : decodeQueryComponent(pair.slice(eq + 1));
        const list = map.get(key);
        if (list === undefined) map.set(key, [value]);
        else list.push(value);
      }
      this.#query = map;
    }
    return this.#query;
  }
}

function hostName(host: string): string {
  let name = host;
  if (name.startsWith('[')) name = name.slice(0, name.indexOf(']') + 1);
  else {
    const colon = name.lastIndexOf(':');
    if (colon !== -1) name = name.slice(0, colon);
  }
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

export function conditionsHold(c: RuleConditions, req: RequestView): boolean {
  if (c.methods !== null && !c.methods.has(req.method)) return false;
  if (c.host !== null) {
    const host = req.host();
    if (host === null) return false;
    if (c.hostHasPort ? host !== c.host : hostName(host) !== c.host) return false;
  }
  if (c.query !== null) {
    const query = req.query();
    for (const [name, wanted] of c.query) {
      const values = query.get(name);
      if (values === undefined) return false;
      if (wanted !== true && !values.includes(wanted)) return false;
    }
  }
  return true;
}

/**
 * Picks the first rule, in declaration order, whose conditions hold: rules without conditions
 * answer without looking at the request.
 */
export class RulePicker {
  constructor(
    /** CONDITIONAL (and other) bits per rule. */
    readonly flags: Uint8Array,
    /** The parsed conditions of conditional rules, by index. */
    readonly conditions: Map<number, RuleConditions>,
  ) {}

  /** The first of `rules` below `best` whose conditions hold (all hold when `req` is null). */
  firstOf(rules: number | number[], best: number, req: RequestView | null): number {
    if (typeof rules !== 'number') return this.first(rules, best, req);
    if (rules >= best) return best;
    if (req === null || (this.flags[rules]! & CONDITIONAL) === 0) return rules;
    return conditionsHold(this.conditions.get(rules)!, req) ? rules : best;
  }

  /** {@link firstOf} for a list in ascending order. */
  first(list: readonly number[], best: number, req: RequestView | null): number {
    for (const index of list) {
      if (index >= best) break;
      if (req === null || (this.flags[index]! & CONDITIONAL) === 0) return index;
      if (conditionsHold(this.conditions.get(index)!, req)) return index;
    }
    return best;
  }
}
