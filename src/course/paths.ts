/** A site-absolute URL for a path inside the site, respecting Astro's `base` setting. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}
