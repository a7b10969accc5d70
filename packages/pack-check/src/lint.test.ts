import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicPackages, root } from './workspace';

const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const run = (cmd: string, args: string[], cwd: string) => {
  try {
    return { code: 0, out: execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}\n${e.stderr}` };
  }
};

describe.each(publicPackages())('$name', ({ dir, manifest }) => {
  it('is clean under publint --strict', () => {
    const { code, out } = run(bin('publint'), ['--strict', dir], root);
    expect(out, out).not.toMatch(/\b(Errors?|Warnings?):/);
    expect(code, out).toBe(0);
  });

  it('is clean under @arethetypeswrong/cli', () => {
    const { code, out } = run(bin('attw'), ['--pack', dir, '--format', 'json'], root);
    const report = JSON.parse(out.slice(out.indexOf('{'))) as { problems?: object };
    expect(Object.keys(report.problems ?? {}), out).toEqual([]);
    expect(code, out).toBe(0);
  });

  it('declares what every package must', () => {
    // A package with a command also publishes the committed launcher its `bin` names.
    const files = manifest.bin === undefined ? ['dist'] : ['bin', 'dist'];
    expect(manifest).toMatchObject({ sideEffects: false, files, type: 'module' });
  });
});
