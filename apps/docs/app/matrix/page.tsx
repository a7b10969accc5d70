import {
  type ClientFamily,
  clientFamilies,
  clientFamilyNames,
  redirectStatuses,
  statusCodes,
} from '@org/redirect-core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { TableWrap } from '../../components/table-wrap';
import { kindLabels, permanenceLabels, type rewriteLabels, yesNo } from '../../lib/labels';

export const metadata: Metadata = {
  title: 'Comparison matrix',
  description: 'Every 3xx status code side by side: permanence, method, body, caching, search.',
};

const short = {
  none: ['kept', 'good'],
  post: ['POST→GET', 'warn'],
  'post-optional': ['POST→GET (may)', 'warn'],
  'all-but-get-head': ['→GET', 'warn'],
  'not-followed': ['not followed', ''],
} as const satisfies Record<keyof typeof rewriteLabels, readonly [string, string]>;

// Column headings short enough for one screen; the full name is in the title.
const familyShort = {
  rfc: 'RFC 9110',
  fetch: 'Browsers',
  undici: 'Node fetch',
  followRedirects: 'axios',
  got: 'got',
  curl: 'curl -L',
} as const satisfies Record<ClientFamily, string>;

export default function MatrixPage() {
  const rows = statusCodes.map((code) => redirectStatuses[code]);
  return (
    <>
      <h1>Comparison matrix</h1>
      <p className="lede">
        All 3xx codes on one screen. Click a code for the details and the source of every cell.
        “POST→GET”: a POST is sent again as GET with no body (“may”: the RFC allows it); “→GET”:
        every method but GET and HEAD becomes GET; “✕”: the client does not follow it.
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
    </>
  );
}
