import { redirectTopics } from '@org/redirect-core/status';
import type { Metadata } from 'next';
import { Cite } from '../../components/cite';
import { Heading } from '../../components/heading';
import { pageSources } from '../../lib/page-sources';

export const metadata: Metadata = {
  title: 'Beyond 3xx',
  description:
    "Meta refresh and the Refresh header, JavaScript redirects, healing a cached 301 with Clear-Site-Data, HSTS's internal 307, and what redirect: 'manual' returns.",
};

/** Every topic of `redirectTopics`, each fact with its footnote. */
export default function BeyondPage() {
  const topics = Object.entries(redirectTopics);
  const sources = pageSources(topics.map(([, topic]) => topic.facts));
  return (
    <>
      <h1>Beyond 3xx</h1>
      <p className="lede">
        What people ask about redirects that no 3xx code answers. Generated from{' '}
        <code>redirectTopics</code> in <code>@org/redirect-core</code>.
      </p>
      {topics.map(([id, topic]) => (
        <section key={id} aria-labelledby={id}>
          <Heading id={id}>{topic.title}</Heading>
          <p>{topic.summary}</p>
          <ul>
            {topic.facts.map((fact) => (
              <li key={fact.value}>
                {fact.value}
                <Cite source={fact.source} sources={sources} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Heading id="sources">Sources</Heading>
      <ol className="sources">
        {sources.list.map((source) => (
          <li key={source.id} id={`source-${source.id}`}>
            <a href={source.url}>{source.title}</a>
          </li>
        ))}
      </ol>
    </>
  );
}
