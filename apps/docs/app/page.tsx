import { redirectStatuses, statusCodes } from '@org/redirect-core/status';
import Link from 'next/link';
import { kindLabels, permanenceLabels, rewriteLabels } from '../lib/labels';

export default function Home() {
  return (
    <>
      <h1>HTTP redirects, by the numbers</h1>
      <p className="lede">
        Every 3xx status code: what it means, what browsers, Node.js fetch, axios, got and curl do
        with the method and body, how caches and search engines read it, and how to send it. Each
        fact links to its source, and the pages are generated from <code>@org/redirect-core</code>.
      </p>
      <ul className="cards" aria-label="Status codes">
        {statusCodes.map((code) => {
          const entry = redirectStatuses[code];
          return (
            <li key={code}>
              <Link className="card" href={`/status/${code}`}>
                <span className="code">{code}</span> <span className="reason">{entry.reason}</span>
                <p>
                  {entry.kind === 'redirect'
                    ? `${permanenceLabels[entry.permanent.value]} · ${rewriteLabels[entry.methods.fetch.rewrite]} in browsers`
                    : kindLabels[entry.kind]}
                </p>
              </Link>
            </li>
          );
        })}
      </ul>
      <h2>Tools</h2>
      <ul className="cards">
        <li>
          <Link className="card" href="/chooser">
            <span className="reason">Which redirect do I need?</span>
            <p>Three questions, one status code, and why.</p>
          </Link>
        </li>
        <li>
          <Link className="card" href="/simulator">
            <span className="reason">Simulator</span>
            <p>The request a client sends after a redirect, change by change.</p>
          </Link>
        </li>
        <li>
          <Link className="card" href="/checker">
            <span className="reason">Redirect map checker</span>
            <p>Paste JSON, CSV or _redirects: loops, chains and shadowed rules.</p>
          </Link>
        </li>
        <li>
          <Link className="card" href="/matrix">
            <span className="reason">Comparison matrix</span>
            <p>All codes on one screen.</p>
          </Link>
        </li>
        <li>
          <Link className="card" href="/reference">
            <span className="reason">API reference</span>
            <p>Every export of every package, from its TSDoc.</p>
          </Link>
        </li>
      </ul>
    </>
  );
}
