/** A piece of a search excerpt: plain text, or text the index marked as a match. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity] ?? entity);
}

/**
 * Splits Pagefind's excerpt (text with <mark> around matches) into parts, so the page can build
 * text nodes from it: no part of an excerpt is ever parsed as markup. Any other tag is dropped.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const token of excerpt.split(/(<\/?[a-zA-Z][^>]*>)/)) {
    if (token === '') continue;
    const tag = /^<(\/?)([a-zA-Z]+)/.exec(token);
    if (tag) {
      if (tag[2]?.toLowerCase() === 'mark') marked = tag[1] !== '/';
      continue;
    }
    const text = decode(token);
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  }
  return parts;
}
