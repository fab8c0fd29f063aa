/**
 * A problem sheet fetches each exercise it holds as a static fragment of HTML, one per exercise
 * (src/pages/exercises/fragments/[id].astro). The sheet's link is untrusted, and so is what comes
 * back: a captive portal, a proxy or a failed deploy can answer with any page. So an address is
 * made only for an id of the course's own list, and a fragment is used only if it is exactly
 * that exercise: one element, the exercise's root, with no script that would run.
 */

/** Far above the largest exercise (0.19 MB): anything longer is not a fragment, and is not parsed. */
export const MAX_FRAGMENT_CHARS = 2_000_000;

/** The address of an exercise's fragment under `base` (…/exercises/fragments/), or null for an id the course does not have. */
export function fragmentUrl(base: string, id: string, knownIds: ReadonlySet<string>): string | null {
  if (!knownIds.has(id)) return null;
  return `${base.replace(/\/?$/, '/')}${encodeURIComponent(id)}/`;
}

export type FragmentReading = { ok: true; root: HTMLElement } | { ok: false; problem: string };

const NOT_IT = 'what came back is not this exercise (a network login page or a proxy may have answered instead)';

/**
 * The exercise `id` from a fragment's text, as `parse` reads it into inert nodes (a template's
 * content in the browser: no script runs, nothing loads): exactly one element,
 * `[data-exercise="<id>"]`, with nothing but white space around it, holding no other exercise
 * and no script but the JSON of its answers; its answer fields' templates hold one field each.
 * Otherwise, why not, as a clause for the sheet's message.
 */
export function readFragment(html: string, id: string, parse: (html: string) => ParentNode): FragmentReading {
  if (html.length > MAX_FRAGMENT_CHARS) return { ok: false, problem: NOT_IT };
  const nodes = [...parse(html).childNodes];
  const elements = nodes.filter((node): node is Element => node.nodeType === 1);
  const stray = nodes.some((node) => node.nodeType === 3 && node.textContent?.trim());
  const root = elements[0];
  if (!root || elements.length !== 1 || stray) return { ok: false, problem: NOT_IT };
  if (root.getAttribute('data-exercise') !== id || root.querySelector('[data-exercise]'))
    return { ok: false, problem: NOT_IT };
  const scripts = [...root.querySelectorAll('script')];
  if (scripts.some((script) => script.getAttribute('type') !== 'application/json'))
    return { ok: false, problem: NOT_IT };
  // The answer fields wait in templates (AnswerField.astro), whose content the checks above do not
  // see: each must hold one field and nothing else, and there must be no other template.
  if (![...root.querySelectorAll('template')].every(isFieldTemplate)) return { ok: false, problem: NOT_IT };
  return { ok: true, root: root as HTMLElement };
}

/** A template an answer field waits in: in its box, holding that one field (a line or a textarea). */
function isFieldTemplate(template: Element): boolean {
  if (!template.matches('[data-answer-slot] > template[data-answer-field]')) return false;
  const { content } = template as HTMLTemplateElement;
  const field = content.firstElementChild;
  const others = [...content.childNodes].filter(
    (node) => node !== field && (node.nodeType !== 3 || node.textContent?.trim()),
  );
  return (
    others.length === 0 &&
    field?.childElementCount === 0 &&
    (field.matches('textarea[data-answer]') || field.matches('input[type="text"][data-answer]'))
  );
}
