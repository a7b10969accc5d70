'use client';

import { type NextRequestResult, nextRequest } from '@org/redirect-core/next-request';
import { sources } from '@org/redirect-core/sources';
import {
  type ClientFamily,
  clientFamilies,
  clientFamilyNames,
  redirectStatuses,
  statusCodes,
} from '@org/redirect-core/status';
import { useId, useState } from 'react';
import { verification } from '../lib/labels';
import { CodeBlock } from './code-block';

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

interface Hop {
  readonly key: number;
  status: number;
  location: string;
}

/** What one client sends, hop by hop. */
interface Trace {
  readonly family: ClientFamily;
  readonly steps: { readonly hop: Hop; readonly result: NextRequestResult }[];
}

/** `Name: value` lines as header pairs; blank and malformed lines are ignored. */
function parseHeaders(text: string): [string, string][] {
  return text
    .split('\n')
    .map((line) => line.match(/^\s*([^:\s][^:]*):\s*(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => [match[1]!.trim(), match[2]!.trim()]);
}

function simulate(
  family: ClientFamily,
  request: { method: string; url: string; headers: [string, string][]; body: string | null },
  hops: readonly Hop[],
): Trace {
  const steps: Trace['steps'] = [];
  let current: Parameters<typeof nextRequest>[0] = request;
  for (const hop of hops) {
    const result = nextRequest(
      current,
      { status: hop.status, headers: hop.location ? [['location', hop.location]] : [] },
      { client: family },
    );
    steps.push({ hop, result });
    if (result.kind !== 'follow') break;
    current = result.request;
  }
  return { family, steps };
}

function bodyText(body: unknown): string {
  if (body === null || body === undefined) return '(none)';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function Step({
  family,
  index,
  step,
}: {
  family: ClientFamily;
  index: number;
  step: Trace['steps'][number];
}) {
  const { hop, result } = step;
  const testId = `${family}-hop-${index + 1}`;
  return (
    <li className="hop" data-testid={testId} data-kind={result.kind}>
      <p style={{ margin: 0 }}>
        <strong>Hop {index + 1}:</strong> {hop.status}{' '}
        {hop.location ? (
          <>
            to <code>{hop.location}</code>
          </>
        ) : (
          'with no Location'
        )}
      </p>
      {result.kind === 'follow' ? (
        <>
          <p style={{ margin: '0.4rem 0 0' }}>
            <span
              className={`badge ${result.changes.some((change) => change.kind === 'method-rewritten') ? 'warn' : 'good'}`}
              data-testid={`${testId}-method`}
            >
              {result.request.method}
            </span>{' '}
            <code style={{ wordBreak: 'break-all' }}>{result.request.url}</code>
          </p>
          <p style={{ margin: '0.3rem 0 0' }}>
            Body: <code data-testid={`${testId}-body`}>{bodyText(result.request.body)}</code>
          </p>
          <details>
            <summary>Headers ({Object.keys(result.request.headers).length})</summary>
            <CodeBlock
              code={
                Object.entries(result.request.headers)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join('\n') || '(none)'
              }
            />
          </details>
          {result.changes.length > 0 && (
            <ul className="changes" aria-label="Changes">
              {result.changes.map((change) => (
                <li
                  key={`${change.kind}-${change.header ?? ''}-${change.message}`}
                  data-kind={change.kind}
                >
                  {change.severity === 'warning' && <span className="badge warn">warning</span>}{' '}
                  {change.message}{' '}
                  <a href={sources[change.source].url} title={sources[change.source].title}>
                    source
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p
          className={`callout ${result.kind === 'error' ? 'bad' : ''}`}
          data-testid={`${testId}-stop`}
        >
          <strong>{result.kind === 'error' ? 'The fetch fails' : 'The client stops here'}:</strong>{' '}
          {result.message}{' '}
          <a href={sources[result.source].url} title={sources[result.source].title}>
            source
          </a>
        </p>
      )}
    </li>
  );
}

/** Pick a request and the responses it meets; see what each client family sends next. */
export function Simulator() {
  const id = useId();
  const [method, setMethod] = useState<string>('POST');
  const [url, setUrl] = useState('https://shop.example/checkout');
  const [headers, setHeaders] = useState(
    'Content-Type: application/x-www-form-urlencoded\nAuthorization: Bearer secret-token\nCookie: session=42',
  );
  const [body, setBody] = useState('item=42&quantity=1');
  const [hops, setHops] = useState<Hop[]>([{ key: 0, status: 302, location: '/thanks' }]);
  const [families, setFamilies] = useState<ClientFamily[]>([
    'fetch',
    'navigation',
    'axios',
    'got',
    'curl',
    'curl-x',
  ]);

  const request = {
    method,
    url,
    headers: parseHeaders(headers),
    body: body === '' ? null : body,
  };
  const traces = families.map((family) => simulate(family, request, hops));

  const updateHop = (key: number, change: Partial<Hop>) =>
    setHops(hops.map((hop) => (hop.key === key ? { ...hop, ...change } : hop)));

  return (
    <>
      <form onSubmit={(event) => event.preventDefault()} aria-label="Simulator input">
        <fieldset>
          <legend>The request</legend>
          <div className="row">
            <div className="field" style={{ flex: '0 0 8rem' }}>
              <label htmlFor={`${id}-method`}>Method</label>
              <select
                id={`${id}-method`}
                value={method}
                onChange={(e) => setMethod(e.target.value)}
              >
                {methods.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            </div>
            <div className="field" style={{ flex: '1 1 20rem' }}>
              <label htmlFor={`${id}-url`}>URL</label>
              <input
                id={`${id}-url`}
                type="url"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
              />
            </div>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-headers`}>Headers (one “Name: value” a line)</label>
              <textarea
                id={`${id}-headers`}
                rows={4}
                value={headers}
                onChange={(e) => setHeaders(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-body`}>Body</label>
              <textarea
                id={`${id}-body`}
                rows={4}
                value={body}
                onChange={(e) => setBody(e.target.value)}
              />
            </div>
          </div>
        </fieldset>
        <fieldset>
          <legend>The responses, hop by hop</legend>
          {hops.map((hop, index) => (
            <div className="row" key={hop.key} style={{ alignItems: 'flex-end' }}>
              <div className="field" style={{ flex: '0 0 14rem' }}>
                <label htmlFor={`${id}-status-${hop.key}`}>Hop {index + 1} status</label>
                <select
                  id={`${id}-status-${hop.key}`}
                  value={hop.status}
                  onChange={(e) => updateHop(hop.key, { status: Number(e.target.value) })}
                >
                  {statusCodes.map((code) => (
                    <option key={code} value={code}>
                      {code} {redirectStatuses[code].reason}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field" style={{ flex: '1 1 16rem' }}>
                <label htmlFor={`${id}-location-${hop.key}`}>Hop {index + 1} Location</label>
                <input
                  id={`${id}-location-${hop.key}`}
                  type="text"
                  value={hop.location}
                  onChange={(e) => updateHop(hop.key, { location: e.target.value })}
                />
              </div>
              {hops.length > 1 && (
                <div className="field">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setHops(hops.filter((other) => other.key !== hop.key))}
                  >
                    Remove hop {index + 1}
                  </button>
                </div>
              )}
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setHops([
                ...hops,
                {
                  key: Math.max(...hops.map((hop) => hop.key)) + 1,
                  status: 301,
                  location: 'https://www.shop.example/thanks',
                },
              ])
            }
          >
            Add a hop
          </button>
        </fieldset>
        <fieldset>
          <legend>Clients to compare</legend>
          <div className="row">
            {clientFamilies.map((family) => (
              <label className="choice" key={family}>
                <input
                  type="checkbox"
                  checked={families.includes(family)}
                  onChange={(e) =>
                    setFamilies(
                      e.target.checked
                        ? clientFamilies.filter((f) => f === family || families.includes(f))
                        : families.filter((f) => f !== family),
                    )
                  }
                />
                {clientFamilyNames[family]}
              </label>
            ))}
          </div>
        </fieldset>
      </form>
      <h2 id="result">What each client sends next</h2>
      <div className="compare" aria-live="polite">
        {traces.map((trace) => (
          <section
            key={trace.family}
            data-testid={`client-${trace.family}`}
            aria-labelledby={`${id}-${trace.family}`}
          >
            <h3 id={`${id}-${trace.family}`}>{clientFamilyNames[trace.family]}</h3>
            <p className="muted" data-testid={`client-${trace.family}-known`}>
              {verification(trace.family).text}
            </p>
            <ol className="hops">
              {trace.steps.map((step, index) => (
                <Step key={step.hop.key} family={trace.family} index={index} step={step} />
              ))}
            </ol>
          </section>
        ))}
      </div>
    </>
  );
}
