/**
 * An assignment is a link: the sheet page's address with the title, the due date, the chosen
 * exercise ids in order, and whether to show solutions. Nothing is stored on a server. The
 * parameters are untrusted text: they are checked here and only ever shown as text.
 */
export interface Assignment {
  title: string;
  /** ISO date, YYYY-MM-DD, or '' for none. */
  due: string;
  exercises: string[];
  solutions: boolean;
}

export interface ParsedAssignment extends Assignment {
  /** Ids in the link that name no exercise of this course. */
  unknown: string[];
  /** What was wrong with the link, one sentence each, for the reader. */
  problems: string[];
}

export const MAX_TITLE = 120;
export const MAX_EXERCISES = 60;
/** Ids read from a link; the rest are named as dropped. A sheet shows at most MAX_EXERCISES of them. */
export const MAX_LINK_IDS = 200;
/** How many ids a message quotes before it says "…". */
const QUOTED = 5;

/** `"a", "b", "c", …`: a few untrusted ids, each shortened, for a message shown as text. */
const quoteIds = (ids: readonly string[]) =>
  ids
    .slice(0, QUOTED)
    .map((id) => `"${id.slice(0, 40)}"`)
    .join(', ') + (ids.length > QUOTED ? ', …' : '');

/** A real calendar date in YYYY-MM-DD form. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(text);
}

/** The query string of an assignment's link (without '?'). */
export function assignmentQuery(assignment: Assignment): string {
  const params = new URLSearchParams();
  params.set('title', assignment.title);
  if (assignment.due) params.set('due', assignment.due);
  params.set('ex', assignment.exercises.join(','));
  if (assignment.solutions) params.set('solutions', '1');
  // Commas are safe in a query; left unescaped, the ids in a shared link stay readable.
  return params.toString().replace(/%2C/g, ',');
}

/** Reads an assignment from a link's query string, keeping what is valid and saying what is not. */
export function parseAssignment(query: string, knownIds: ReadonlySet<string>): ParsedAssignment {
  const params = new URLSearchParams(query);
  const problems: string[] = [];
  let title = (params.get('title') ?? '').replace(/\s+/g, ' ').trim();
  if (title.length > MAX_TITLE) {
    title = `${title.slice(0, MAX_TITLE - 1)}…`;
    problems.push(`The title was longer than ${MAX_TITLE} characters and has been shortened.`);
  }
  let due = (params.get('due') ?? '').trim();
  if (due && !isIsoDate(due)) {
    problems.push(`The due date "${due.slice(0, 40)}" is not a date of the form 2026-12-01, so it is left out.`);
    due = '';
  }
  // One pass over the ids, with sets: a link of 40,000 ids once took seconds (includes() per id).
  const requested = (params.get('ex') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (requested.length > MAX_LINK_IDS) {
    const dropped = requested.slice(MAX_LINK_IDS);
    problems.push(
      `This link names ${requested.length} exercises; a sheet reads at most ${MAX_LINK_IDS}, so the ${dropped.length} after the ${MAX_LINK_IDS}th were not read (${quoteIds(dropped)}).`,
    );
    requested.length = MAX_LINK_IDS;
  }
  const seen = new Set<string>();
  const exercises: string[] = [];
  const unknown: string[] = [];
  for (const id of requested) {
    if (seen.has(id)) continue;
    seen.add(id);
    (knownIds.has(id) ? exercises : unknown).push(id);
  }
  if (unknown.length > 0) {
    problems.push(
      `${unknown.length === 1 ? 'One exercise in this link is' : `${unknown.length} exercises in this link are`} not in this course (${quoteIds(unknown)}); the rest are shown.`,
    );
  }
  if (exercises.length > MAX_EXERCISES) {
    const left = exercises.splice(MAX_EXERCISES);
    problems.push(
      `A sheet holds at most ${MAX_EXERCISES} exercises; the first ${MAX_EXERCISES} are shown, and the ${left.length} after them are left out (${quoteIds(left)}).`,
    );
  }
  return { title, due, exercises, solutions: params.get('solutions') === '1', unknown, problems };
}

/** "1 December 2026" for a due date, in the reader's language, without a timezone shift. */
export function formatDue(due: string, locale?: string): string {
  const [year, month, day] = due.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, day!)),
  );
}
