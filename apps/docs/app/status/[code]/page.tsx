import {
  type BrowserSupport,
  clientFamilies,
  clientFamilyNames,
  isRedirectStatus,
  isStatusCode,
  redirectStatuses,
  statusCodes,
} from '@org/redirect-core/status';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Cite } from '../../../components/cite';
import { CodeBlock } from '../../../components/code-block';
import { Heading } from '../../../components/heading';
import { TableWrap } from '../../../components/table-wrap';
import {
  exampleCitations,
  exampleRequest,
  followExamples,
  removedHeaders,
  shownChanges,
} from '../../../lib/follow-examples';
import {
  bodyLabels,
  kindLabels,
  permanenceLabels,
  rewriteLabels,
  verification,
  yesNo,
} from '../../../lib/labels';
import { pageSources } from '../../../lib/page-sources';
import { frameworkNames, intentFor, intentSource, snippetsFor } from '../../../lib/snippets';

// Only the codes of the table exist; everything else is a 404 at build time.
export const dynamicParams = false;

export function generateStaticParams() {
  return statusCodes.map((code) => ({ code: String(code) }));
}

function entryFor(code: string) {
  const n = Number(code);
  if (!isStatusCode(n)) notFound();
  return redirectStatuses[n];
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ code: string }>;
}): Promise<Metadata> {
  const entry = entryFor((await params).code);
  return {
    title: `${entry.code} ${entry.reason}`,
    description: `${entry.code} ${entry.reason}: ${entry.useWhen}`,
  };
}

const browserNames = {
  chrome: 'Chrome',
  edge: 'Edge',
  firefox: 'Firefox',
  safari: 'Safari',
  opera: 'Opera',
  ie: 'Internet Explorer',
} as const satisfies Record<keyof BrowserSupport, string>;

const sections = [
  ['summary', 'Summary'],
  ['methods', 'Method and body, per client'],
  ['next-request', 'Headers and body, computed'],
  ['caching', 'Caching'],
  ['search', 'Search engines'],
  ['support', 'Support'],
  ['usage', 'When to use it'],
  ['send', 'How to send it'],
  ['sources', 'Sources'],
] as const;

export default async function StatusPage({ params }: { params: Promise<{ code: string }> }) {
  const entry = entryFor((await params).code);
  // Numbered in the order the page cites them.
  const examples = followExamples(entry.code);
  const sources = pageSources([
    entry.permanent,
    entry.followedByFetch,
    entry.methods.fetch,
    entry.cache.heuristic,
    entry.spec,
    entry.methods,
    entry.cache,
    entry.search,
    entry.support,
    exampleCitations(examples),
    clientFamilies.map((family) => verification(family)),
  ]);
  const redirect = isRedirectStatus(entry.code);
  const support = entry.support.browsers;
  const index = statusCodes.indexOf(entry.code);
  const previous = statusCodes[index - 1];
  const next = statusCodes[index + 1];

  return (
    <article>
      <p className="muted">
        <Link href="/">Status codes</Link> / {entry.code}
      </p>
      <h1 className="status-title">
        <span className="code">{entry.code}</span> {entry.reason}
      </h1>
      <p>
        <span className={`badge ${redirect ? 'good' : 'warn'}`}>{kindLabels[entry.kind]}</span>{' '}
        {entry.permanent.value !== 'n/a' && (
          <span className="badge">{permanenceLabels[entry.permanent.value]}</span>
        )}
      </p>
      <p className="lede">{entry.useWhen}</p>

      <nav aria-label="On this page">
        <ol className="toc">
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ol>
      </nav>

      <Heading id="summary">Summary</Heading>
      <dl className="facts">
        <div>
          <dt>Permanent</dt>
          <dd>
            {permanenceLabels[entry.permanent.value]}
            <Cite source={entry.permanent.source} sources={sources} />
          </dd>
        </div>
        <div>
          <dt>Followed by browsers and fetch</dt>
          <dd>
            {yesNo(entry.followedByFetch.value)}
            <Cite source={entry.followedByFetch.source} sources={sources} />
          </dd>
        </div>
        <div>
          <dt>POST after it (browsers)</dt>
          <dd>
            {rewriteLabels[entry.methods.fetch.rewrite]}
            <Cite source={entry.methods.fetch.source} sources={sources} />
          </dd>
        </div>
        <div>
          <dt>Heuristically cacheable</dt>
          <dd>
            {yesNo(entry.cache.heuristic.value)}
            <Cite source={entry.cache.heuristic.source} sources={sources} />
          </dd>
        </div>
        <div>
          <dt>Introduced in</dt>
          <dd>
            {entry.spec.introducedIn.name}
            <Cite source={entry.spec.introducedIn.source} sources={sources} />
          </dd>
        </div>
        <div>
          <dt>Defined in</dt>
          <dd>
            {entry.spec.definedIn.name}
            <Cite source={entry.spec.definedIn.source} sources={sources} />
          </dd>
        </div>
      </dl>

      <Heading id="methods">Method and body, per client</Heading>
      <p>
        What each client sends after a {entry.code}: whether the method survives, whether a HEAD
        stays HEAD, and what happens to the request body. “Verified” cells are proved against the
        real client by the conformance suite; “documented” ones are read from the source cited.
      </p>
      <TableWrap label={`Method and body after ${entry.code}`}>
        <table>
          <caption className="visually-hidden">
            Method and body handling after {entry.code}, per client family
          </caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Method</th>
              <th scope="col">HEAD kept</th>
              <th scope="col">Body</th>
              <th scope="col">Note</th>
              <th scope="col">Known from</th>
            </tr>
          </thead>
          <tbody>
            {clientFamilies.map((family) => {
              const rule = entry.methods[family];
              return (
                <tr key={family} id={`methods-${family}`}>
                  <th scope="row">{clientFamilyNames[family]}</th>
                  <td>
                    {rewriteLabels[rule.rewrite]}
                    <Cite source={rule.source} sources={sources} />
                  </td>
                  <td>{yesNo(rule.headKept)}</td>
                  <td>{bodyLabels[rule.body]}</td>
                  <td>{'note' in rule ? rule.note : ''}</td>
                  <td>
                    {verification(family).text}
                    <Cite source={verification(family).source} sources={sources} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>

      <Heading id="next-request">Headers and body, computed</Heading>
      <p>
        What a browser sends after a {entry.code}, computed at build time by{' '}
        <code>nextRequest</code> for a <code>{exampleRequest.method}</code> of{' '}
        <code>{exampleRequest.body}</code> to <code>{exampleRequest.url}</code> with{' '}
        {exampleRequest.headers.map(([name], i) => (
          <span key={name}>
            {i > 0 && ', '}
            <code>{name}</code>
          </span>
        ))}
        . <Link href="/simulator">Try other requests in the simulator</Link>.
      </p>
      <TableWrap label={`The request after ${entry.code}`}>
        <table>
          <caption className="visually-hidden">
            The request a browser sends after {entry.code}
          </caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Next request</th>
              <th scope="col">Body</th>
              <th scope="col">Headers removed</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {examples.map((example) => (
              <tr key={example.id}>
                <th scope="row">
                  {example.label}
                  <span className="matrix-reason">
                    <code>Location: {example.location}</code>
                  </span>
                </th>
                {example.result.kind === 'follow' ? (
                  <>
                    <td>
                      <code>
                        {example.result.request.method} {example.result.request.url}
                      </code>
                    </td>
                    <td>{example.result.request.body === null ? 'Dropped' : 'Kept'}</td>
                    <td>{removedHeaders(example.result).join(', ') || 'None'}</td>
                    <td>
                      <ul className="changes">
                        {shownChanges(example.result).map((change) => (
                          <li key={`${change.kind}-${change.header ?? ''}-${change.message}`}>
                            {change.message}
                            <Cite source={change.source} sources={sources} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </>
                ) : (
                  <td colSpan={4}>
                    Nothing is sent: {example.result.message}
                    <Cite source={example.result.source} sources={sources} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <Heading id="caching">Caching</Heading>
      <p>
        <strong>Without explicit freshness:</strong>{' '}
        {entry.cache.heuristic.value === null
          ? 'not a cacheable answer itself.'
          : entry.cache.heuristic.value
            ? 'caches may store it (heuristically cacheable).'
            : 'caches store it only with Cache-Control max-age or Expires.'}
        <Cite source={entry.cache.heuristic.source} sources={sources} />
        {'note' in entry.cache.heuristic ? ` ${entry.cache.heuristic.note}` : ''}
      </p>
      <p>
        <strong>In browsers:</strong> {entry.cache.browsers.value}
        <Cite source={entry.cache.browsers.source} sources={sources} />
      </p>

      <Heading id="search">Search engines</Heading>
      <p>
        <strong>Canonical signal:</strong>{' '}
        {entry.search.canonical === 'strong'
          ? 'strong: the target becomes the indexed URL'
          : entry.search.canonical === 'weak'
            ? 'weak: the source URL usually stays indexed'
            : 'none'}
        . <strong>Ranking signals move to the target:</strong>{' '}
        {yesNo(entry.search.consolidatesOnTarget)}.
        <Cite source={entry.search.source} sources={sources} />
        {'note' in entry.search && entry.search.note ? ` ${entry.search.note}` : ''}
      </p>

      <Heading id="support">Support</Heading>
      {support === null ? (
        <p>No browser support data: browsers do not act on this code.</p>
      ) : support.value === 'all' ? (
        <p>
          Every browser and HTTP client understands it.
          <Cite source={support.source} sources={sources} />
        </p>
      ) : (
        <TableWrap label="Browser support">
          <table>
            <caption className="visually-hidden">First browser versions with {entry.code}</caption>
            <thead>
              <tr>
                {Object.values(browserNames).map((name) => (
                  <th key={name} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {Object.keys(browserNames).map((key) => (
                  <td key={key}>{support.value[key as keyof BrowserSupport]}</td>
                ))}
              </tr>
            </tbody>
          </table>
          <p className="muted" style={{ padding: '0 0.7rem' }}>
            First versions that follow it.
            <Cite source={support.source} sources={sources} />
          </p>
        </TableWrap>
      )}
      {entry.support.caveats.length > 0 && (
        <ul>
          {entry.support.caveats.map((caveat) => (
            <li key={caveat.value}>
              {caveat.value}
              <Cite source={caveat.source} sources={sources} />
            </li>
          ))}
        </ul>
      )}

      <Heading id="usage">When to use it</Heading>
      <div className="callout">
        <strong>Use it when:</strong> {entry.useWhen}
      </div>
      <div className="callout warn">
        <strong>Avoid it when:</strong> {entry.avoidWhen}
      </div>
      <Heading id="mistakes" level={3}>
        Common mistakes
      </Heading>
      <ul>
        {entry.mistakes.map((mistake) => (
          <li key={mistake}>{mistake}</li>
        ))}
      </ul>

      <Heading id="send">How to send it</Heading>
      {isRedirectStatus(entry.code) ? (
        <>
          <p>
            Say what you mean and let the library pick the code:{' '}
            <code>chooseStatus({intentSource(intentFor(entry.code))})</code> answers{' '}
            <strong>{entry.code}</strong>. The snippets below are generated from that intent and
            type-checked against the adapters in the test suite.
          </p>
          <div className="tabs">
            {snippetsFor(entry.code).map((snippet) => (
              <section
                key={snippet.framework}
                className="snippet"
                aria-labelledby={`send-${snippet.framework}`}
              >
                <Heading id={`send-${snippet.framework}`} level={3}>
                  {frameworkNames[snippet.framework]}{' '}
                  <span className="muted">({snippet.file})</span>
                </Heading>
                <CodeBlock code={snippet.code} />
              </section>
            ))}
          </div>
        </>
      ) : (
        <div className="callout bad">
          {entry.code} is not a redirect that clients follow, so the adapters do not send it. For a
          redirect, see the <Link href="/chooser">chooser</Link>.
        </div>
      )}

      <Heading id="sources">Sources</Heading>
      <ol className="sources">
        {sources.list.map((source) => (
          <li key={source.id} id={`source-${source.id}`}>
            <a href={source.url}>{source.title}</a>
          </li>
        ))}
      </ol>

      <nav aria-label="Other codes" className="row">
        {previous !== undefined && (
          <Link href={`/status/${previous}`}>
            ← {previous} {redirectStatuses[previous].reason}
          </Link>
        )}
        {next !== undefined && (
          <Link href={`/status/${next}`} style={{ marginLeft: 'auto' }}>
            {next} {redirectStatuses[next].reason} →
          </Link>
        )}
      </nav>
    </article>
  );
}
