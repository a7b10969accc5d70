import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckReport, check } from './check';

const scratch = mkdtempSync(join(tmpdir(), 'redirects-check-tty-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Any terminal control: C0 but LF, DEL, C1.
const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('check prints no control byte from the file', () => {
  it('escapes ESC sequences and C1 bytes in rules', async () => {
    const file = join(scratch, 'rules.json');
    const rules = [
      { from: '/a', to: '/b\u001b]52;c;aGk=\u0007', status: 301 },
      { from: '/b\u001b]52;c;aGk=\u0007', to: '/c\u009b2J', status: 301 },
      { from: '/x', to: 'http://\u001b[2Jevil.test/', status: 301 },
    ];
    writeFileSync(file, JSON.stringify(rules));
    const text = await check(file, { color: true });
    expect(text.stdout.replace(/\u001b\[\d+m/g, '')).not.toMatch(control);
  });

  it('escapes a control byte in a line that does not parse; --json keeps it exact', async () => {
    const file = join(scratch, 'rules.csv');
    writeFileSync(file, 'from,to,status\n/a,/b,9\u001b]52;c;aGk=\u0007\n');
    const run = await check(file);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).not.toMatch(control);
    expect(run.stdout).toContain('9\\x1b]52;c;aGk=\\x07');
    const json = JSON.parse((await check(file, { json: true })).stdout) as CheckReport;
    expect(json.issues[0]?.message).toContain('9\u001b]52;c;aGk=\u0007');
  });
});
