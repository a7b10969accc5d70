import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SearchBox } from '../components/search-box';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'redirect: HTTP redirects, by the numbers', template: '%s · redirect' },
  description:
    'Every 3xx status code, what each client does with it, and how to send the right one: generated from @org/redirect-core.',
};

const nav = [
  { href: '/matrix', label: 'Matrix' },
  { href: '/chooser', label: 'Chooser' },
  { href: '/simulator', label: 'Simulator' },
  { href: '/beyond-3xx', label: 'Beyond 3xx' },
  { href: '/checker', label: 'Map checker' },
  { href: '/reference', label: 'API' },
] as const;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            <span aria-hidden="true">3xx</span> redirect
          </Link>
          <nav aria-label="Main">
            <ul>
              {nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <SearchBox />
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            Every fact on this site comes from <code>@org/redirect-core</code>, with its source. The
            pages are generated from the library, so they cannot drift from it.
          </p>
        </footer>
      </body>
    </html>
  );
}
