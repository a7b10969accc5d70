// No runtime import of the library: the chooser's client bundle imports this file.
import type { RedirectIntent } from '@org/redirect-core/status';

/** `explainStatus` for one intent, with the reason phrase and source links. */
export interface ChooserAnswer {
  readonly status: number;
  readonly reason: string;
  readonly why: string;
  readonly caveats: readonly string[];
  readonly sources: readonly {
    readonly id: string;
    readonly title: string;
    readonly url: string;
  }[];
}

/** The key of an answer: `permanent`, `preserveMethod`, `legacyClients` as `y`/`n`, e.g. `nyn`. */
export function answerKey(intent: Required<RedirectIntent>): string {
  return [intent.permanent, intent.preserveMethod, intent.legacyClients]
    .map((flag) => (flag ? 'y' : 'n'))
    .join('');
}
