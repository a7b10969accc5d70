import { chooseStatus, redirectStatusCodes, statusCodes } from '@org/redirect-core';
import { describe, expect, it } from 'vitest';
import { explain } from './explain';
import { sendIt } from './send-it';

describe('sendIt', () => {
  it.each(redirectStatusCodes)(
    'gives for %i an intent that chooseStatus answers with it',
    (code) => {
      const sent = sendIt(code);
      expect(sent).not.toBeNull();
      expect(chooseStatus(sent!.intent)).toBe(code);
      expect(sent!.lines.map((line) => line.adapter)).toEqual([
        'Koa',
        'Fastify',
        'Express',
        'Hono',
        'Next.js',
      ]);
    },
  );

  it('gives nothing for codes no intent sends', () => {
    const unsent = statusCodes.filter((code) => !(redirectStatusCodes as number[]).includes(code));
    expect(unsent.map(sendIt)).toEqual(unsent.map(() => null));
  });

  it('is printed by explain, with the Express and Hono calls', () => {
    const { stdout } = explain('303');
    expect(stdout).toContain('How to send it');
    expect(stdout).toContain(
      "Express  redirectTo(res, '/new-path', { permanent: false, preserveMethod: false })",
    );
    expect(stdout).toContain(
      "Hono     return redirectTo(c, '/new-path', { permanent: false, preserveMethod: false })",
    );
    expect(explain('304').stdout).not.toContain('How to send it');
  });
});
