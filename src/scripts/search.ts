import { parseExcerpt } from './excerpt';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const maxResults = 20;

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  for (const part of parseExcerpt(data.excerpt)) {
    const node = part.marked ? document.createElement('mark') : document.createTextNode(part.text);
    if (node instanceof HTMLElement) node.textContent = part.text;
    excerpt.append(node);
  }
  item.append(link, excerpt);
  return item;
}

/** Runs the query in ?q= against the static Pagefind index built from dist/. */
export async function initSearch(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#search-query');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!input || !status || !list) return;
  const query = new URL(window.location.href).searchParams.get('q')?.trim() ?? '';
  input.value = query;
  if (query === '') {
    status.textContent = 'Type a word or a phrase, for example "softmax" or "chain rule".';
    return;
  }
  status.textContent = `Searching for “${query}”…`;
  try {
    const pagefindUrl = list.dataset['pagefindUrl'] ?? '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ pagefindUrl)) as Pagefind;
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, maxResults).map((r) => r.data()));
    list.replaceChildren(...data.map(resultItem));
    status.textContent =
      data.length === 0
        ? `No lesson mentions “${query}”. Try a shorter or different word.`
        : `${search.results.length} ${search.results.length === 1 ? 'page matches' : 'pages match'} “${query}”.`;
  } catch {
    status.textContent =
      'The search index could not be loaded. It is built with the site (npm run build); the development server has none.';
  }
}
