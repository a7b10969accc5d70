import type { Metadata } from 'next';
import { Simulator } from '../../components/simulator';

export const metadata: Metadata = {
  title: 'Redirect simulator',
  description:
    'The request a client sends after a redirect: method, URL, headers and body, change by change, per client.',
};

export default function SimulatorPage() {
  return (
    <>
      <h1>Redirect simulator</h1>
      <p className="lede">
        Pick a request and the responses it meets. <code>nextRequest</code> from{' '}
        <code>@org/redirect-core</code> runs in your browser and shows the request each client sends
        next, every change with its reason and source, hop by hop.
      </p>
      <Simulator />
    </>
  );
}
