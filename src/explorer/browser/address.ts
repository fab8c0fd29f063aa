/** The explorer's end of the address bar, where its set-up is kept for links and reloads. */

/**
 * The current address with `key=value` in its query. The value's ':' ';' ',' stay as they
 * are (all legal in a query), so a shared link stays readable.
 */
export function addressWith(key: string, value: string): string {
  const params = new URLSearchParams(location.search);
  params.delete(key);
  const others = params.toString();
  const encoded = encodeURIComponent(value)
    .replace(/%3A/g, ':')
    .replace(/%3B/g, ';')
    .replace(/%2C/g, ',')
    .replace(/%40/g, '@');
  return `${location.pathname}?${others ? `${others}&` : ''}${key}=${encoded}${location.hash}`;
}
