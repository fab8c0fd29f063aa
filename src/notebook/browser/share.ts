/**
 * Edited cells in a link: `#cells=` followed by base64url of UTF-8 JSON `{ id: code }`. Decoding
 * never throws: a link that cannot be used says why, and one with some unusable entries keeps
 * the good ones and says what it left out.
 */
export const SHARE_PREFIX = 'cells=';
export const MAX_SHARED_CELLS = 200;
export const MAX_CODE_LENGTH = 100_000;
/** Longer than any link Copy link makes from MAX_SHARED_CELLS cells of code; checked before decoding. */
const MAX_FRAGMENT_LENGTH = 2_000_000;

/** What a link carries: its cells and what was left out of it, or why it cannot be used. */
export type SharedLink = { ok: true; cells: Record<string, string>; leftOut: string[] } | { ok: false; reason: string };

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

const CELL_ID = /^[A-Za-z][\w-]*$/;
const shortId = (id: string) => JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);

/** The cells in a hash fragment (with or without #); null when it carries no cells at all. */
export function decodeShared(hash: string): SharedLink | null {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(SHARE_PREFIX)) return null;
  const payload = fragment.slice(SHARE_PREFIX.length);
  if (payload === '') return { ok: false, reason: 'it carries no code.' };
  if (payload.length > MAX_FRAGMENT_LENGTH)
    return {
      ok: false,
      reason: `it is ${payload.length.toLocaleString('en-US')} characters long, more than any link this course makes.`,
    };
  if (!/^[A-Za-z0-9_-]+$/.test(payload))
    return {
      ok: false,
      reason:
        'it is not in the form “Copy link” makes (the part after “cells=” has characters that base64url does not use); it may have been cut or changed on the way.',
    };
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    return {
      ok: false,
      reason:
        'it is not in the form “Copy link” makes (its base64url does not decode); it may have been cut on the way.',
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'its text is not valid UTF-8; it may have been cut on the way.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: 'its text is not the list of cells “Copy link” makes (not JSON); it may have been cut on the way.',
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: 'it does not hold a list of cells.' };
  const cells: Record<string, string> = {};
  const leftOut: string[] = [];
  let kept = 0;
  for (const [id, code] of Object.entries(parsed)) {
    if (!CELL_ID.test(id)) leftOut.push(`${shortId(id)} is not a cell id`);
    else if (typeof code !== 'string') leftOut.push(`the code for ${shortId(id)} is not text`);
    else if (code.length > MAX_CODE_LENGTH)
      leftOut.push(`the code for ${shortId(id)} is longer than ${MAX_CODE_LENGTH.toLocaleString('en-US')} characters`);
    else if (kept === MAX_SHARED_CELLS) leftOut.push(`${shortId(id)} is over the limit of ${MAX_SHARED_CELLS} cells`);
    else {
      cells[id] = code;
      kept++;
    }
  }
  if (kept === 0)
    return {
      ok: false,
      reason: leftOut.length === 0 ? 'it holds no cells.' : `none of its entries can be used: ${summarize(leftOut)}.`,
    };
  return { ok: true, cells, leftOut };
}

/** The first few of a list of problems, and how many more there are. */
export function summarize(problems: readonly string[], shown = 3): string {
  const head = problems.slice(0, shown).join('; ');
  return problems.length > shown ? `${head}; and ${problems.length - shown} more` : head;
}
