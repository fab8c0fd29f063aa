/**
 * Edited cells in a link: `#cells=` followed by base64url of UTF-8 JSON `{ id: code }`. Decoding
 * never throws; anything malformed decodes to nothing.
 */
export const SHARE_PREFIX = 'cells=';
const MAX_SHARED_CELLS = 200;
const MAX_CODE_LENGTH = 100_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The hash fragment (without #) that carries these cells' code. */
export function encodeShared(cells: Record<string, string>): string {
  return SHARE_PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(cells)));
}

/** The cells in a hash fragment (with or without #), or null when it carries none or is malformed. */
export function decodeShared(hash: string): Record<string, string> | null {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(SHARE_PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(fragment.slice(SHARE_PREFIX.length))));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed).filter(([id, code]) => /^[A-Za-z][\w-]*$/.test(id) && typeof code === 'string' && code.length <= MAX_CODE_LENGTH);
    return entries.length === 0 ? null : Object.fromEntries(entries.slice(0, MAX_SHARED_CELLS)) as Record<string, string>;
  } catch {
    return null;
  }
}
