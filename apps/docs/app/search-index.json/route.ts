import { searchIndex } from '../../lib/search-index';

// Written once at build time: the search box loads it on first use, so pages stay light.
export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json(searchIndex());
}
