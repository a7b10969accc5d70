import type { Metadata } from 'next';
import { Checker } from '../../components/checker';

export const metadata: Metadata = {
  title: 'Redirect map checker',
  description:
    'Paste or upload redirect rules (JSON, CSV, Netlify _redirects, Vercel) and find loops, chains and shadowed rules.',
};

export default function CheckerPage() {
  return (
    <>
      <h1>Redirect map checker</h1>
      <p className="lede">
        Paste or upload rules in our JSON, CSV (<code>from,to,status</code>), Netlify{' '}
        <code>_redirects</code> or Vercel / Next.js config form. <code>analyzeRedirects</code> from{' '}
        <code>@org/redirect-core</code> runs in your browser and reports loops, chains, shadowed and
        duplicate rules, downgrades and method-changing codes on API paths. Nothing is uploaded.
      </p>
      <Checker />
    </>
  );
}
