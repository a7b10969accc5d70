import { chooseStatus } from '@org/redirect-core';
import { describe, expect, it } from 'vitest';
import { allAnswers, answerKey } from './chooser-answers';

describe('allAnswers', () => {
  it('has one answer per intent, each the status chooseStatus gives', () => {
    const answers = allAnswers();
    expect(Object.keys(answers).sort()).toEqual([
      'nnn',
      'nny',
      'nyn',
      'nyy',
      'ynn',
      'yny',
      'yyn',
      'yyy',
    ]);
    for (const permanent of [true, false]) {
      for (const preserveMethod of [true, false]) {
        for (const legacyClients of [true, false]) {
          const intent = { permanent, preserveMethod, legacyClients };
          expect(answers[answerKey(intent)]?.status).toBe(chooseStatus(intent));
        }
      }
    }
  });

  it('answers 308 Permanent Redirect for "permanent, keep the method"', () => {
    const answer =
      allAnswers()[answerKey({ permanent: true, preserveMethod: true, legacyClients: false })];
    expect(answer).toMatchObject({ status: 308, reason: 'Permanent Redirect' });
    expect(answer?.sources.length).toBeGreaterThan(0);
  });
});
