import { type DestinationTemplate, decodeQueryComponent } from './pattern';

/**
 * The destination with the request's query carried over. `template` is that of a destination
 * with a query or fragment, undefined for one without: a parameter that `to` names is dropped
 * from the request's query (the destination wins), the others follow in their order and
 * encoding, and a `#fragment` of `to` stays last.
 */
export function mergeQuery(
  template: DestinationTemplate | undefined,
  destination: string,
  query: string,
): string {
  if (template === undefined) return `${destination}?${query}`;
  const hashAt = template.hasFragment ? destination.indexOf('#') : -1;
  const head = hashAt === -1 ? destination : destination.slice(0, hashAt);
  const tail = hashAt === -1 ? '' : destination.slice(hashAt);
  if (!template.hasQuery) return `${head}?${query}${tail}`;
  let kept = '';
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeQueryComponent(eq === -1 ? pair : pair.slice(0, eq));
    if (template.queryKeys.includes(name)) continue;
    kept += kept === '' ? pair : `&${pair}`;
  }
  if (kept === '') return destination;
  const last = head.charCodeAt(head.length - 1);
  return `${head}${last === 63 || last === 38 ? '' : '&'}${kept}${tail}`;
}
