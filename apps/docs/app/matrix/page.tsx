import { clientProfiles } from '@org/redirect-core/clients';
import { sources } from '@org/redirect-core/sources';
import {
  type ClientFamily,
  clientFamilies,
  clientFamilyNames,
  redirectStatuses,
  statusCodes,
} from '@org/redirect-core/status';
import type { Metadata } from 'next';
import Link from 'next/link';
import { TableWrap } from '../../components/table-wrap';
import {
  kindLabels,
  permanenceLabels,
  type rewriteLabels,
  verification,
  yesNo,
} from '../../lib/labels';

export const metadata: Metadata = {
  title: 'Comparison matrix',
  description: 'Every 3xx status code side by side: permanence, method, body, caching, search.',
};

const short = {
  none: ['kept', 'good'],
  post: ['POST→GET', 'warn'],
  'post-optional': ['POST→GET (may)', 'warn'],
  'all-but-get-head': ['→GET', 'warn'],
  'post-cross-origin': ['POST→GET (cross-origin)', 'warn'],
  'not-followed': ['not followed', ''],
} as const satisfies Record<keyof typeof rewriteLabels, readonly [string, string]>;

// Column headings short enough for one screen; the full name is in the title.
const familyShort = {
  fetch: 'fetch()',
  undici: 'Node fetch',
  navigation: 'Navigation',
  'follow-redirects': 'follow-redirects',
  axios: 'axios',
  got: 'got 14',
  'got-15': 'got 15',
  curl: 'curl -L',
  'curl-x': 'curl -X',
  rfc: 'RFC 9110',
} as const satisfies Record<ClientFamily, string>;

// What the body does besides the method, where that is not "with the method".
const bodyNote = {
  dropped: ' no body',
  'dropped-cross-origin': ' body dropped cross-origin',
} as const;

export default function MatrixPage() {
  const rows = statusCodes.map((code) => redirectStatuses[code]);
  return (
    <>
      <h1>Comparison matrix</h1>
      <p className="lede">
        All 3xx codes on one screen. Click a code for the details and the source of every cell.
        “POST→GET”: a POST is sent again as GET with no body (“may”: the RFC allows it); “→GET”:
        every method but GET and HEAD becomes GET; “✕”: the client does not follow it. Each column
        is either verified against the real client by the conformance suite or documented from the
        client's source (see below the table).
      </p>
      <TableWrap label="Comparison of all 3xx codes">
        <table className="matrix">
          <caption className="visually-hidden">3xx status codes compared</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Permanent</th>
              {clientFamilies.map((family) => (
                <th scope="col" key={family}>
                  <abbr title={clientFamilyNames[family]}>{familyShort[family]}</abbr>
                </th>
              ))}
              <th scope="col">
                <abbr title="Heuristically cacheable: stored with no Cache-Control">Cached</abbr>
              </th>
              <th scope="col">Search</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.code}>
                <th scope="row">
                  <Link href={`/status/${entry.code}`}>{entry.code}</Link>
                  <span className="matrix-reason">
                    {entry.reason}
                    {entry.kind !== 'redirect' &&
                      !entry.reason.toLowerCase().includes(kindLabels[entry.kind].toLowerCase()) &&
                      ` (${kindLabels[entry.kind].toLowerCase()})`}
                  </span>
                </th>
                <td>{permanenceLabels[entry.permanent.value]}</td>
                {clientFamilies.map((family) => (
                  <td key={family}>
                    {entry.methods[family].rewrite === 'not-followed' ? (
                      <span className="muted" title="not followed">
                        <span aria-hidden="true">✕</span>
                        <span className="visually-hidden">not followed</span>
                      </span>
                    ) : (
                      <span className={`badge ${short[entry.methods[family].rewrite][1]}`}>
                        {short[entry.methods[family].rewrite][0]}
                        {entry.methods[family].body in bodyNote
                          ? bodyNote[entry.methods[family].body as keyof typeof bodyNote]
                          : ''}
                      </span>
                    )}
                  </td>
                ))}
                <td>{yesNo(entry.cache.heuristic.value)}</td>
                <td>{entry.search.canonical}</td>
                <td>{entry.spec.introducedIn.name.replace(/ \(.*$/, '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2 id="clients">Where each column comes from</h2>
      <TableWrap label="How each client's behaviour is known">
        <table>
          <caption className="visually-hidden">Verification of each client column</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Cells</th>
              <th scope="col">Redirect limit</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {clientFamilies.map((family) => {
              const { text, source } = verification(family);
              return (
                <tr key={family} id={`client-${family}`}>
                  <th scope="row">{clientFamilyNames[family]}</th>
                  <td>{text}</td>
                  <td>{clientProfiles[family].maxRedirects.value}</td>
                  <td>
                    <a href={sources[source].url}>{sources[source].title}</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
