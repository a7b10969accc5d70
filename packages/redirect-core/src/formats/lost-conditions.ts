import type { RedirectRule } from '../map/types';

/**
 * What a platform that matches every method and always carries the query string (Netlify,
 * Vercel) cannot write of `rule`: its method condition and `preserveQuery: false`, as `lost`
 * notes naming the rule and the platform.
 */
export function lostConditions(rule: RedirectRule, index: number, platform: string): string[] {
  const lost: string[] = [];
  if (rule.methods !== undefined && rule.methods.length > 0) {
    lost.push(
      `rule ${index + 1} (${rule.from}): ${platform} cannot match on methods (${rule.methods.join(', ')}); it now applies to every method.`,
    );
  }
  if (rule.preserveQuery === false) {
    lost.push(
      `rule ${index + 1} (${rule.from}): ${platform} carries the query string to the destination; "preserveQuery: false" is lost.`,
    );
  }
  return lost;
}
