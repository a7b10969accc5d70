import { redirectStatuses, statusCodes } from '@org/redirect-core/status';
import { apiReference } from './api';

/** One thing the search box can find. */
export interface SearchItem {
  readonly label: string;
  readonly hint: string;
  readonly href: string;
}

const pages: readonly SearchItem[] = [
  { label: 'Comparison matrix', hint: 'All codes on one screen', href: '/matrix' },
  { label: 'Which redirect do I need?', hint: 'Chooser', href: '/chooser' },
  { label: 'Redirect simulator', hint: 'What the client sends next', href: '/simulator' },
  { label: 'Redirect map checker', hint: 'Loops, chains, shadowed rules', href: '/checker' },
  { label: 'API reference', hint: 'Every public package', href: '/reference' },
];

/** Codes, pages and API exports, for the search box. */
export function searchIndex(): SearchItem[] {
  const codes = statusCodes.map((code) => {
    const entry = redirectStatuses[code];
    return {
      label: `${code} ${entry.reason}`,
      hint: entry.kind === 'redirect' ? 'Status code' : `Status code (${entry.kind})`,
      href: `/status/${code}`,
    };
  });
  const api = apiReference.packages.flatMap((pkg) =>
    pkg.exports.map((item) => ({
      label: item.name,
      hint: `${item.kind} in ${pkg.name}`,
      href: `/reference#${item.id}`,
    })),
  );
  return [...codes, ...pages, ...api];
}
