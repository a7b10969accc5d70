'use client';

import type { RedirectIntent } from '@org/redirect-core/status';
import Link from 'next/link';
import { useState } from 'react';
import { answerKey, type ChooserAnswer } from '../lib/answer-key';

type Answer = 'yes' | 'no';

const questions = [
  {
    key: 'permanent',
    legend: 'Is the move permanent?',
    yes: 'Yes, the old URL is gone for good',
    no: 'No, it is temporary',
  },
  {
    key: 'preserveMethod',
    legend: 'Must the client repeat the same method and body?',
    yes: 'Yes, keep the method (POST stays POST)',
    no: 'No, the client should fetch the target with GET',
  },
  {
    key: 'legacyClients',
    legend: 'Must very old clients (HTTP/1.0, IE 11 on Windows 7) follow it?',
    yes: 'Yes',
    no: 'No',
  },
] as const satisfies readonly {
  key: keyof RedirectIntent;
  legend: string;
  yes: string;
  no: string;
}[];

type Answers = Record<(typeof questions)[number]['key'], Answer>;

/**
 * Three radio groups over the answers of `explainStatus` for every intent (eight of them,
 * computed on the server so the page ships no copy of the library).
 */
export function Chooser({ answers: table }: { answers: Readonly<Record<string, ChooserAnswer>> }) {
  const [answers, setAnswers] = useState<Answers>({
    permanent: 'no',
    preserveMethod: 'yes',
    legacyClients: 'no',
  });
  const intent = {
    permanent: answers.permanent === 'yes',
    preserveMethod: answers.preserveMethod === 'yes',
    legacyClients: answers.legacyClients === 'yes',
  };
  const choice = table[answerKey(intent)];
  if (!choice) throw new Error(`@org/docs: no chooser answer for ${answerKey(intent)}`);

  return (
    <div className="row" style={{ alignItems: 'flex-start' }}>
      <form style={{ flex: '1 1 22rem' }} onSubmit={(event) => event.preventDefault()}>
        {questions.map((question) => (
          <fieldset key={question.key}>
            <legend>{question.legend}</legend>
            {(['yes', 'no'] as const).map((value) => (
              <label className="choice" key={value}>
                <input
                  type="radio"
                  name={question.key}
                  value={value}
                  checked={answers[question.key] === value}
                  onChange={() => setAnswers({ ...answers, [question.key]: value })}
                />
                {question[value]}
              </label>
            ))}
          </fieldset>
        ))}
      </form>
      <output
        className="answer"
        aria-live="polite"
        style={{ flex: '1 1 22rem' }}
        data-testid="answer"
      >
        <p style={{ margin: 0 }}>
          <span className="code" data-testid="answer-code">
            {choice.status}
          </span>
          <strong>{choice.reason}</strong>
        </p>
        <p>{choice.why}</p>
        {choice.caveats.length > 0 && (
          <ul>
            {choice.caveats.map((caveat) => (
              <li key={caveat}>{caveat}</li>
            ))}
          </ul>
        )}
        <p>
          <code>
            chooseStatus({JSON.stringify(intent).replace(/"/g, '').replace(/[:,]/g, '$& ')})
          </code>{' '}
          === {choice.status}
        </p>
        <p>
          <Link href={`/status/${choice.status}`}>
            Everything about {choice.status} {choice.reason} →
          </Link>
        </p>
        <p className="muted">
          Sources:{' '}
          {choice.sources.map((source, i) => (
            <span key={source.id}>
              {i > 0 && ', '}
              <a href={source.url}>{source.title}</a>
            </span>
          ))}
        </p>
      </output>
    </div>
  );
}
