'use client';

import { useRouter } from 'next/navigation';
import { useId, useMemo, useState } from 'react';
import type { SearchItem } from '../lib/search-index';

/** Where the build writes the index of codes, pages and API names. */
const indexUrl = '/search-index.json';

/**
 * Filters codes, pages and API names as the user types; Enter opens the first result. The index
 * is fetched on first focus, so it costs nothing on pages where nobody searches.
 */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<readonly SearchItem[] | null>(null);
  const [loading, setLoading] = useState(false);
  const router = useRouter();
  const id = useId();

  const load = () => {
    if (items !== null || loading) return;
    setLoading(true);
    fetch(indexUrl)
      .then((response) => response.json() as Promise<SearchItem[]>)
      .then(setItems)
      .catch(() => setItems([]))
      .finally(() => setLoading(false));
  };

  const texts = useMemo(
    () => (items ?? []).map((item) => `${item.label} ${item.hint}`.toLowerCase()),
    [items],
  );
  const results = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0 || items === null) return [];
    return items.filter((_, i) => words.every((word) => texts[i]?.includes(word))).slice(0, 8);
  }, [items, texts, query]);

  return (
    <search className="search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const first = results[0];
          if (first) {
            setQuery('');
            router.push(first.href);
          }
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          Search codes and APIs
        </label>
        <input
          id={id}
          type="search"
          placeholder="Search codes and APIs"
          autoComplete="off"
          value={query}
          onFocus={load}
          onChange={(event) => {
            load();
            setQuery(event.target.value);
          }}
          aria-describedby={`${id}-count`}
        />
        <span id={`${id}-count`} className="visually-hidden" aria-live="polite">
          {query && items !== null ? `${results.length} results` : ''}
        </span>
      </form>
      {results.length > 0 && (
        <ul className="search-results">
          {results.map((item) => (
            <li key={item.href + item.label}>
              <a href={item.href} onClick={() => setQuery('')}>
                <strong>{item.label}</strong> <span>{item.hint}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}
