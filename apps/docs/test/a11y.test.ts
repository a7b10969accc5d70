import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { startDocsInBrowser } from './browser';
import { pagePaths } from './paths';

const docs = startDocsInBrowser();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

describe('accessibility (axe-core)', () => {
  it.each(pagePaths.flatMap((path) => [[path, 'light'] as const, [path, 'dark'] as const]))(
    '%s in %s mode has no serious or critical violations',
    async (path, colorScheme) => {
      const { page } = await docs.page({ colorScheme });
      await page.goto(docs.origin + path, { waitUntil: 'networkidle' });
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }
        ).axe.run();
        return result.violations.map(({ id, impact, help, nodes }) => ({
          id,
          impact,
          help,
          nodes: nodes.map((node) => ({ target: node.target })),
        }));
      });
      const severe = violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
      expect(severe).toEqual([]);
      await page.context().close();
    },
  );
});
