import { createRedirectMap, type RedirectRule } from '@org/redirect-core';
import FindMyWay from 'find-my-way';
import { match } from 'path-to-regexp';
import { addRoute, createRouter, findRoute } from 'rou3';

/** A way to find the rule for a path: build once, then look up; -1 for no rule. */
export interface Strategy {
  name: string;
  /** Whether it answers every rule (the Map baseline answers exact paths only). */
  complete: boolean;
  build(rules: readonly RedirectRule[]): (path: string) => number;
}

const isSplat = (from: string) => from.endsWith('/*');
const isParam = (from: string) => from.includes('/:');

/** Ours: the compiled redirect map. */
export const redirectMap: Strategy = {
  name: 'createRedirectMap',
  complete: true,
  build(rules) {
    const map = createRedirectMap(rules, { cache: { permanentMaxAge: null } });
    return (path) => map.match({ url: path })?.rule.index ?? -1;
  },
};

/** The physical limit: one hash lookup of the exact paths. */
export const plainMap: Strategy = {
  name: 'Map (exact paths only)',
  complete: false,
  build(rules) {
    const map = new Map<string, number>();
    rules.forEach((rule, i) => {
      if (!isSplat(rule.from) && !isParam(rule.from) && !map.has(rule.from)) map.set(rule.from, i);
    });
    return (path) => map.get(path) ?? -1;
  },
};

/** Fastify's radix router. */
export const findMyWay: Strategy = {
  name: 'find-my-way',
  complete: true,
  build(rules) {
    const router = FindMyWay({ ignoreTrailingSlash: true });
    rules.forEach((rule, i) => {
      const path = isSplat(rule.from) ? rule.from : rule.from;
      router.on('GET', path, () => undefined, { index: i });
      // find-my-way's `*` needs at least the slash; the bare prefix is the zero-segment case.
      if (isSplat(rule.from))
        router.on('GET', rule.from.slice(0, -2), () => undefined, { index: i });
    });
    return (path) =>
      (router.find('GET', path)?.store as { index: number } | undefined)?.index ?? -1;
  },
};

/** path-to-regexp `match()` functions tested in declaration order (Next.js, @koa/router). */
export const pathToRegexpInOrder: Strategy = {
  name: 'path-to-regexp in order',
  complete: true,
  build(rules) {
    const matchers = rules.map((rule) =>
      match(isSplat(rule.from) ? `${rule.from.slice(0, -2)}{/*splat}` : rule.from, {
        decode: false,
      }),
    );
    return (path) => {
      for (let i = 0; i < matchers.length; i++) if (matchers[i]!(path)) return i;
      return -1;
    };
  },
};

/** rou3, the radix router of h3/Nitro. */
export const rou3: Strategy = {
  name: 'rou3',
  complete: true,
  build(rules) {
    const router = createRouter<number>();
    rules.forEach((rule, i) => {
      const path = isSplat(rule.from) ? `${rule.from.slice(0, -2)}/**` : rule.from;
      addRoute(router, 'GET', path, i);
    });
    return (path) => findRoute(router, 'GET', path, { params: false })?.data ?? -1;
  },
};

/** Every strategy, ours first. */
export const strategies = [redirectMap, plainMap, findMyWay, rou3, pathToRegexpInOrder];
