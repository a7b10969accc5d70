'use client';

import {
  detectFormat,
  type ParseableFormat,
  type ParsedRedirects,
  parseRedirects,
} from '@org/redirect-core/formats';
import {
  analyzeRedirects,
  type ConfigIssue,
  type Finding,
  type RedirectRule,
} from '@org/redirect-core/map';
import { useId, useState } from 'react';
import { CodeBlock } from './code-block';

const sample = `# A Netlify _redirects file with a few classic mistakes
/blog/*         /articles/:splat   301
/articles/old   /articles/new      301
/old            /articles/old      301
/loop-a         /loop-b            302
/loop-b         /loop-a            302
/blog/hello     /hello             301
/api/orders     /v2/orders         301
/docs           http://docs.example/   301
`;

const formats = [
  ['auto', 'Detect'],
  ['netlify', 'Netlify _redirects'],
  ['json', 'JSON (our rules)'],
  ['csv', 'CSV (from,to,status)'],
  ['vercel', 'Vercel / Next.js config'],
] as const satisfies readonly (readonly [ParseableFormat | 'auto', string])[];

type Outcome =
  | {
      readonly kind: 'ok';
      readonly format: ParseableFormat;
      readonly parsed: ParsedRedirects;
      readonly findings: Finding[];
    }
  | { readonly kind: 'invalid'; readonly message: string; readonly issues: readonly ConfigIssue[] };

function check(text: string, choice: ParseableFormat | 'auto', file: string | undefined): Outcome {
  try {
    const format = choice === 'auto' ? detectFormat(text, file) : choice;
    if (format === null) {
      return {
        kind: 'invalid',
        message: 'The format could not be detected: choose it in the Format list.',
        issues: [],
      };
    }
    const parsed = parseRedirects(text, format, file === undefined ? {} : { file });
    return { kind: 'ok', format, parsed, findings: analyzeRedirects(parsed.rules) };
  } catch (error) {
    const issues =
      error !== null &&
      typeof error === 'object' &&
      'issues' in error &&
      Array.isArray(error.issues)
        ? (error.issues as ConfigIssue[])
        : [];
    return {
      kind: 'invalid',
      message: error instanceof Error ? error.message : String(error),
      issues,
    };
  }
}

function ruleText(rule: RedirectRule | undefined): string {
  if (!rule) return '(unknown rule)';
  const status = rule.status ?? (rule.permanent ? 'permanent' : 'temporary');
  return `${rule.from} → ${rule.to} (${status})`;
}

/** Paste or upload redirect rules; see the findings of `analyzeRedirects`. */
export function Checker() {
  const id = useId();
  const [text, setText] = useState(sample);
  const [file, setFile] = useState<string | undefined>('_redirects');
  const [format, setFormat] = useState<ParseableFormat | 'auto'>('auto');
  const outcome = check(text, format, file);

  const lineOf = (index: number) =>
    outcome.kind === 'ok' ? outcome.parsed.origins[index]?.line : undefined;

  return (
    <>
      <form onSubmit={(event) => event.preventDefault()} aria-label="Redirect rules">
        <div className="row">
          <div className="field" style={{ flex: '0 0 16rem' }}>
            <label htmlFor={`${id}-format`}>Format</label>
            <select
              id={`${id}-format`}
              value={format}
              onChange={(e) => setFormat(e.target.value as ParseableFormat | 'auto')}
            >
              {formats.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>Or upload a file</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".json,.csv,.txt,_redirects,text/*"
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                if (!chosen) return;
                setFile(chosen.name);
                setText(await chosen.text());
              }}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-rules`}>Rules{file ? ` (${file})` : ''}</label>
          <textarea
            id={`${id}-rules`}
            rows={12}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      </form>

      <h2 id="findings">Findings</h2>
      <div aria-live="polite" data-testid="checker-result">
        {outcome.kind === 'invalid' ? (
          <div className="callout bad">
            <p>
              <strong>These rules cannot be read.</strong>
            </p>
            {outcome.issues.length > 0 ? (
              <ul>
                {outcome.issues.map((issue) => (
                  <li key={`${issue.index}-${issue.line}-${issue.field}-${issue.message}`}>
                    {issue.line !== undefined ? `Line ${issue.line}` : `Rule ${issue.index + 1}`}
                    {issue.field ? ` (${issue.field})` : ''}: {issue.message}
                  </li>
                ))}
              </ul>
            ) : (
              <CodeBlock code={outcome.message} />
            )}
          </div>
        ) : (
          <>
            <p>
              Read <strong>{outcome.parsed.rules.length}</strong> rules as{' '}
              <strong>{outcome.format}</strong>;{' '}
              <strong data-testid="finding-count">{outcome.findings.length}</strong> findings.
            </p>
            {outcome.parsed.warnings.length > 0 && (
              <ul>
                {outcome.parsed.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            )}
            {outcome.findings.length === 0 && (
              <p className="callout">No loops, chains, shadowed rules or risky codes found.</p>
            )}
            {outcome.findings.map((finding) => (
              <div
                key={`${finding.kind}-${finding.rules.join('-')}-${finding.message}`}
                className={`finding ${finding.severity}`}
                data-kind={finding.kind}
              >
                <p style={{ margin: 0 }}>
                  <span
                    className={`badge ${finding.severity === 'error' ? 'bad' : finding.severity === 'warning' ? 'warn' : ''}`}
                  >
                    {finding.severity}
                  </span>{' '}
                  <strong>{finding.kind}</strong>: {finding.message}
                </p>
                <ul>
                  {finding.rules.map((index) => (
                    <li key={index}>
                      {lineOf(index) !== undefined ? `Line ${lineOf(index)}` : `Rule ${index + 1}`}:{' '}
                      <code>
                        {outcome.kind === 'ok' ? ruleText(outcome.parsed.rules[index]) : ''}
                      </code>
                    </li>
                  ))}
                </ul>
                {finding.fix && (
                  <p style={{ margin: 0 }}>
                    Fix: replace{' '}
                    {lineOf(finding.fix.index) !== undefined
                      ? `line ${lineOf(finding.fix.index)}`
                      : `rule ${finding.fix.index + 1}`}{' '}
                    with <code>{ruleText(finding.fix.rule)}</code>
                  </p>
                )}
              </div>
            ))}
          </>
        )}
      </div>
    </>
  );
}
