import type { SourceId } from '@org/redirect-core/status';
import type { PageSources } from '../lib/page-sources';

/** A footnote mark that links to the source in the page's Sources section. */
export function Cite({ source, sources }: { source: SourceId; sources: PageSources }) {
  const n = sources.number(source);
  return (
    <sup>
      <a className="cite" href={`#source-${source}`} aria-label={`Source ${n}`}>
        [{n}]
      </a>
    </sup>
  );
}
