import { describe, expect, it } from 'vitest';
import { type TraceReport, trace } from './trace';
import type { RawRequest } from './trace-http';

// Answers from a table, for what a local server cannot show: https origins and downgrades.
// The hop-by-hop behaviour against real servers is in test/trace.test.ts.
const answers =
  (table: Record<string, [number, string?]>): RawRequest =>
  async (url) => {
    const [status, location] = table[url] ?? [404];
    return { status, statusText: '', headers: location ? [['location', location]] : [] };
  };

const run = async (url: string, table: Record<string, [number, string?]>, header?: string[]) => {
  const result = await trace(url, { json: true, request: answers(table), header });
  return { exitCode: result.exitCode, report: JSON.parse(result.stdout) as TraceReport };
};

describe('trace flags', () => {
  it('flags an https to http downgrade from core changes', async () => {
    const { report, exitCode } = await run('https://site.test/a', {
      'https://site.test/a': [301, 'http://site.test/b'],
      'http://site.test/b': [200],
    });
    expect(exitCode).toBe(0);
    expect(report.flags).toEqual([expect.objectContaining({ kind: 'downgrade', hop: 1 })]);
  });

  it('flags credentials in a Location URL', async () => {
    const { report } = await run('https://site.test/a', {
      'https://site.test/a': [302, 'https://user:secret@other.test/'],
      'https://user:secret@other.test/': [200],
    });
    expect(report.flags.map((flag) => flag.kind)).toContain('credentials');
  });

  it('does not flag a cross-origin hop without credential headers', async () => {
    const { report } = await run('https://site.test/a', {
      'https://site.test/a': [308, 'https://other.test/'],
      'https://other.test/': [200],
    });
    expect(report.flags).toEqual([]);
  });

  it('stops after --max-hops redirects with an error', async () => {
    const table: Record<string, [number, string?]> = {};
    for (let i = 0; i < 5; i += 1) table[`https://site.test/${i}`] = [302, `/${i + 1}`];
    const result = await trace('https://site.test/0', {
      json: true,
      request: answers(table),
      maxHops: 3,
    });
    const report = JSON.parse(result.stdout) as TraceReport;
    expect(result.exitCode).toBe(1);
    expect(report.flags).toContainEqual(expect.objectContaining({ kind: 'too-many-hops' }));
    expect(report.hops).toHaveLength(4);
  });
});
