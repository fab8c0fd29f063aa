/**
 * The student's desk in the page: per-lesson progress on the home page's outline and in a
 * lesson's course sidebar, "Continue where you left off", "Forget my progress", and, on a
 * lesson page, remembering the section being read as the student scrolls. Everything comes from
 * this browser's storage; the lesson page loads this module after its load event
 * (LessonLayout.astro), so it costs nothing up front.
 */
import type { LessonProgressData } from '../course/progressData';
import { storageBlocked } from '../display/storage';
import { loadProgress } from '../exercises/progress';
import {
  forgetProgress,
  lessonProgress,
  parseReadingPlace,
  placeHref,
  progressText,
  readReadingPlace,
  saveReadingPlace,
} from './courseProgress';

/** The build's list of lessons with their exercises and sections (progressData.ts). */
function courseData(): LessonProgressData[] {
  const script = document.querySelector('script[data-progress-data]');
  try {
    return script ? (JSON.parse(script.textContent ?? '[]') as LessonProgressData[]) : [];
  } catch {
    return [];
  }
}

/** Writes each lesson's progress on its `[data-progress-lesson]` element; returns the totals. */
function showLessonProgress(lessons: readonly LessonProgressData[]): { solved: number; total: number } {
  const progress = loadProgress();
  const totals = { solved: 0, total: 0 };
  for (const lesson of lessons) {
    const counts = lessonProgress(progress, lesson);
    totals.solved += counts.solved;
    totals.total += counts.total;
    for (const item of document.querySelectorAll<HTMLElement>('[data-progress-lesson]')) {
      if (item.dataset['progressLesson'] !== lesson.id) continue;
      item.dataset['lessonProgress'] = `${counts.solved}/${counts.total}`;
      item.dataset['lessonEdited'] = String(counts.edited);
      const label = item.querySelector<HTMLElement>('[data-progress-label]');
      if (label) {
        label.textContent = progressText(counts);
        label.hidden = false;
      }
      const meter = item.querySelector<HTMLElement>('[data-progress-meter]');
      if (meter && counts.total > 0) {
        meter.style.setProperty('--done', String(counts.solved / counts.total));
        meter.hidden = false;
      }
    }
  }
  return totals;
}

/** A lesson page: the sidebar's progress, and the section being read, remembered as it changes. */
export function initLessonDesk(): void {
  if (storageBlocked()) return;
  const lessons = courseData();
  showLessonProgress(lessons);
  const lessonId = document.querySelector<HTMLElement>('[data-lesson-id]')?.dataset['lessonId'];
  if (!lessonId) return;
  const headings = [...document.querySelectorAll<HTMLAnchorElement>('[data-sections] a')]
    .map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))))
    .filter((heading): heading is HTMLElement => heading !== null);
  // A lesson's parts away from the screen are not laid out (content-visibility, lesson.css), and
  // measuring a heading in one would lay it out: 19 forced layouts, 0.7–1.2 s at 4× CPU, when a
  // scroll into the exercises stopped. A part's own box is always laid out, so the parts are measured,
  // and only the headings of the part that the line crosses, which is on screen.
  const places = headings.map((heading) => ({ heading, part: heading.closest('.lesson-part') ?? heading }));
  let last: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The section read is the last whose heading has passed the top quarter of the window.
  const remember = () => {
    const line = innerHeight / 4;
    let section = '';
    for (const { heading, part } of places) {
      const box = part.getBoundingClientRect();
      if (box.top > line) break;
      if (box.bottom > line && heading.getBoundingClientRect().top > line) break;
      section = heading.id;
    }
    if (section === last) return;
    last = section;
    saveReadingPlace(lessonId, section);
  };
  remember();
  addEventListener(
    'scroll',
    () => {
      clearTimeout(timer);
      timer = setTimeout(remember, 250);
    },
    { passive: true },
  );
}

/** The home page: progress on the outline, the resume link, and forgetting. */
export function initHomeDesk(): void {
  const desk = document.querySelector<HTMLElement>('[data-desk]');
  if (!desk) return;
  desk.hidden = false;
  const part = <T extends HTMLElement>(selector: string) => desk.querySelector<T>(selector)!;
  if (storageBlocked()) {
    part('[data-desk-blocked]').hidden = false;
    part('[data-forget]').hidden = true;
    return;
  }
  const lessons = courseData();
  const summary = part('[data-desk-summary]');
  const resume = part<HTMLAnchorElement>('[data-resume]');
  const show = () => {
    const { solved, total } = showLessonProgress(lessons);
    summary.textContent = `You have solved ${solved} of ${total} exercises.`;
    const place = parseReadingPlace(readReadingPlace(), lessons);
    resume.hidden = !place;
    if (place) {
      resume.href = placeHref(place);
      part('[data-resume-place]').textContent = place.section
        ? `${place.lesson.title}: ${place.section.text}`
        : place.lesson.title;
    }
  };
  show();
  // Another tab's answers or edits show here too.
  addEventListener('storage', show);

  const start = part<HTMLButtonElement>('[data-forget-start]');
  const confirm = part('[data-forget-confirm]');
  const status = part('[data-forget-status]');
  const ask = (open: boolean) => {
    confirm.hidden = !open;
    start.setAttribute('aria-expanded', String(open));
    if (open) part<HTMLButtonElement>('[data-forget-no]').focus();
  };
  start.addEventListener('click', () => {
    status.textContent = '';
    ask(start.getAttribute('aria-expanded') !== 'true');
  });
  part('[data-forget-no]').addEventListener('click', () => {
    ask(false);
    start.focus();
  });
  part('[data-forget-yes]').addEventListener('click', () => {
    const forgotten = forgetProgress();
    ask(false);
    start.focus();
    status.textContent = forgotten
      ? 'Your progress is forgotten: this browser no longer holds your answers, your cell edits or your place.'
      : 'Your progress could not be forgotten: this browser did not let the page reach its storage.';
    show();
  });
}
