import { describe, expect, it } from 'vitest';
import { RedirectConfigError } from './errors';
import type { ConfigIssue } from './types';

describe('RedirectConfigError', () => {
  it('is an Error that lists every issue with its place', () => {
    const issues: ConfigIssue[] = [
      {
        index: 0,
        field: 'status',
        message: '@org/redirect-core: use 301.',
        line: 3,
        file: 'r.json',
      },
      { index: 2, field: '', message: '@org/redirect-core: bad rule.' },
      { index: -1, field: 'options.base', message: '@org/redirect-core: bad base.' },
    ];
    const error = new RedirectConfigError(issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RedirectConfigError');
    expect(error.issues).toBe(issues);
    expect(error.message).toBe(
      [
        '@org/redirect-core: 3 problems in the redirect map; fix them and try again:',
        '  - rule 1 (r.json:3) status: use 301.',
        '  - rule 3: bad rule.',
        '  - options options.base: bad base.',
      ].join('\n'),
    );
  });

  it('keeps the message short for many issues', () => {
    const issues = Array.from({ length: 120 }, (_, index) => ({
      index,
      field: 'to',
      message: 'x',
    }));
    const error = new RedirectConfigError(issues);
    expect(error.message.split('\n')).toHaveLength(52);
    expect(error.message).toContain('and 70 more');
    expect(error.issues).toHaveLength(120);
  });
});
