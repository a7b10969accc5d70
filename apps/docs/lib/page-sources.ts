import { type SourceId, sources } from '@org/redirect-core/sources';

/** A numbered list of the documents a page cites, in order of first citation. */
export interface PageSources {
  readonly list: readonly {
    readonly id: SourceId;
    readonly n: number;
    readonly title: string;
    readonly url: string;
  }[];
  /** The footnote number of a source. */
  number(id: SourceId): number;
}

function isSourceId(value: unknown): value is SourceId {
  return typeof value === 'string' && Object.hasOwn(sources, value);
}

/** Every `source` named anywhere inside `value`, depth first, each once. */
export function collectSources(value: unknown, found: SourceId[] = []): SourceId[] {
  if (Array.isArray(value)) {
    for (const item of value) collectSources(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'source' || key === 'sources') && isSourceId(item)) {
        if (!found.includes(item)) found.push(item);
      } else collectSources(item, found);
    }
  }
  return found;
}

/** Numbers the sources cited inside `value`. */
export function pageSources(value: unknown): PageSources {
  const ids = collectSources(value);
  const list = ids.map((id, i) => ({ id, n: i + 1, ...sources[id] }));
  return {
    list,
    number(id) {
      const index = ids.indexOf(id);
      if (index < 0) throw new Error(`@org/docs: source ${id} is cited but was not collected`);
      return index + 1;
    },
  };
}
