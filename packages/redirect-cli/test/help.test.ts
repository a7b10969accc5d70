import { describe, expect, it } from 'vitest';
import { hasAnsi, redirects } from './run';

describe('redirects --help and usage', () => {
  it.each(['explain', 'simulate', 'check', 'trace', 'convert'])(
    '%s --help documents --json and the exit codes',
    async (command) => {
      const run = await redirects([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('--json');
      expect(run.stdout).toContain('Exit codes:');
      expect(run.stdout).toContain('3  network');
    },
  );

  it('lists every command', async () => {
    const run = await redirects(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['explain', 'simulate', 'check', 'trace', 'convert']) {
      expect(run.stdout).toContain(command);
    }
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await redirects(['frobnicate'])).code).toBe(2);
    const run = await redirects(['check', '--nope', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--nope'");
  });

  it('exits 2 and shows help when no command is given', async () => {
    const run = await redirects([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: redirects');
  });

  it('never colours piped output', async () => {
    const run = await redirects(['explain', '301']);
    expect(hasAnsi(run.stdout)).toBe(false);
  });
});
