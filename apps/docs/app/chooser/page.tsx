import type { Metadata } from 'next';
import { Chooser } from '../../components/chooser';
import { allAnswers } from '../../lib/chooser-answers';

export const metadata: Metadata = {
  title: 'Which redirect do I need?',
  description: 'Three questions about your redirect, and the status code that says it.',
};

export default function ChooserPage() {
  return (
    <>
      <h1>Which redirect do I need?</h1>
      <p className="lede">
        Answer three questions; <code>chooseStatus</code> from <code>@org/redirect-core</code> picks
        the code and <code>explainStatus</code> says why.
      </p>
      <Chooser answers={allAnswers()} />
    </>
  );
}
