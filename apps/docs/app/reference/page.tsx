import type { Metadata } from 'next';
import { CodeBlock } from '../../components/code-block';
import { Heading } from '../../components/heading';
import { apiReference } from '../../lib/api';
import type { ApiEntry } from '../../lib/api-types';

export const metadata: Metadata = {
  title: 'API reference',
  description: 'Every export of every public package, generated from the TypeScript sources.',
};

/** An `@example` body without its Markdown fence. */
function exampleCode(text: string): string {
  return text
    .replace(/^```\w*\n?/, '')
    .replace(/\n?```\s*$/, '')
    .trim();
}

/** `{@link name}` as plain text: the name. */
function plain(text: string): string {
  return text.replace(/\{@link\s+([^}|\s]+)(?:[\s|][^}]*)?\}/g, '$1');
}

function Entry({ item }: { item: ApiEntry }) {
  const examples = item.tags.filter((tag) => tag.name === 'example');
  const others = item.tags.filter((tag) => tag.name !== 'example');
  return (
    <section className="api-entry" aria-labelledby={item.id}>
      <Heading id={item.id} level={3}>
        {item.name} <span className="badge">{item.kind}</span>
      </Heading>
      {item.doc && <p style={{ whiteSpace: 'pre-line' }}>{plain(item.doc)}</p>}
      <CodeBlock code={item.signature} />
      {others.length > 0 && (
        <ul>
          {others.map((tag) => (
            <li key={tag.name + tag.text}>
              <strong>@{tag.name}</strong> {plain(tag.text)}
            </li>
          ))}
        </ul>
      )}
      {examples.map((tag) => (
        <figure key={tag.text} className="example">
          <figcaption className="muted">Example</figcaption>
          <CodeBlock code={exampleCode(tag.text)} />
        </figure>
      ))}
      <p className="muted">
        Source: <code>{item.source}</code>
      </p>
    </section>
  );
}

export default function ReferencePage() {
  return (
    <>
      <h1>API reference</h1>
      <p className="lede">
        Generated at build time from the TypeScript sources and TSDoc of every public package with
        the TypeScript compiler API (<code>apps/docs/scripts/api.ts</code>).
      </p>
      <nav aria-label="Packages">
        <ul>
          {apiReference.packages.map((pkg) => (
            <li key={pkg.name}>
              <a href={`#${pkg.name.replace('@org/', '')}`}>{pkg.name}</a> ({pkg.exports.length}{' '}
              exports)
            </li>
          ))}
        </ul>
      </nav>
      {apiReference.packages.map((pkg) => (
        <section key={pkg.name} aria-labelledby={pkg.name.replace('@org/', '')}>
          <Heading id={pkg.name.replace('@org/', '')}>
            <code>{pkg.name}</code>
          </Heading>
          <p>{pkg.description}</p>
          <ul className="api-index">
            {pkg.exports.map((item) => (
              <li key={item.id}>
                <a href={`#${item.id}`}>{item.name}</a>
              </li>
            ))}
          </ul>
          {pkg.exports.map((item) => (
            <Entry key={item.id} item={item} />
          ))}
        </section>
      ))}
    </>
  );
}
