import { sources } from '@org/redirect-core/sources';
import { explainStatus, redirectStatuses } from '@org/redirect-core/status';
import { answerKey, type ChooserAnswer } from './answer-key';

export { answerKey, type ChooserAnswer } from './answer-key';

const flags = [true, false] as const;

/**
 * `explainStatus` for all eight intents, computed at build time so the chooser page ships no
 * copy of the library.
 */
export function allAnswers(): Record<string, ChooserAnswer> {
  const answers: Record<string, ChooserAnswer> = {};
  for (const permanent of flags) {
    for (const preserveMethod of flags) {
      for (const legacyClients of flags) {
        const intent = { permanent, preserveMethod, legacyClients };
        const choice = explainStatus(intent);
        answers[answerKey(intent)] = {
          status: choice.status,
          reason: redirectStatuses[choice.status].reason,
          why: choice.why,
          caveats: choice.caveats,
          sources: choice.sources.map((id) => ({ id, ...sources[id] })),
        };
      }
    }
  }
  return answers;
}
