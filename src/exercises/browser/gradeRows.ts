/**
 * The grading page's rows, drawn from gradeFiles' results. Names, file names, inputs and
 * messages come from students' files: every one goes in as text (textContent, dataset), never
 * as markup. TeX (the answers' labels from the build, the checker's reading of an input, which
 * escapes what was typed) is typeset by KaTeX with trust off once it has loaded.
 */
import { katexOptions, loadKatex } from '../../display/katex';
import type { AnswerGrade, ExerciseGrade, GradeRow, StudentRow } from '../grading';

/** What the page knows of an exercise: where it sits and its answers' labels. */
export interface ExerciseInfo {
  readonly number: string;
  readonly title: string;
  readonly labels: ReadonlyMap<string, string>;
}

const STATUS_TEXT: Record<AnswerGrade['status'], string> = {
  correct: 'Correct',
  incorrect: 'Wrong',
  invalid: 'Unreadable',
  unanswered: 'No answer',
};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** TeX to typeset when KaTeX is there, shown as its source until then. */
const tex = (source: string) => {
  const span = element('span', 'grade-tex', source);
  span.dataset['gradeTex'] = source;
  return span;
};

/** "27 Nov 2026, 14:05" in the grader's language and time zone. */
const timeText = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

function handedIn(row: StudentRow, due: string): HTMLElement {
  const line = element(
    'p',
    'grade-time',
    row.handedIn ? `Handed in ${timeText(row.handedIn)}` : 'Handed in: time unknown',
  );
  if (row.late === true) {
    const late = element('strong', 'grade-late', 'late');
    late.title = `After the end of the due day, ${due}`;
    line.append(' · ', late);
  } else if (row.late === null) line.append(' · ', element('span', 'grade-unknown', 'cannot tell if late'));
  return line;
}

const scoreText = (exercise: ExerciseGrade) =>
  exercise.total === 0 ? (exercise.done ? 'done' : 'not marked done') : `${exercise.correct}/${exercise.total}`;

function answerLine(answer: AnswerGrade, info: ExerciseInfo | undefined): HTMLElement {
  const verdict = element('strong', `grade-verdict grade-${answer.status}`, STATUS_TEXT[answer.status]);
  const line = element('li', 'grade-answer', tex(info?.labels.get(answer.name) ?? answer.name), ' ');
  line.append(answer.input.trim() === '' ? element('em', '', 'empty') : element('code', 'grade-input', answer.input));
  line.append(' ', verdict);
  // The checker's message, without the word the verdict already says ("Correct: equal to …").
  const message = answer.message.replace(/^correct[.:]?\s*/i, '');
  if (answer.status !== 'unanswered' && message) line.append(element('span', 'grade-message', ` ${message}`));
  if (answer.previewTex) line.append(element('span', 'grade-read', ' Read as ', tex(answer.previewTex)));
  return line;
}

function studentItem(row: StudentRow, infos: ReadonlyMap<string, ExerciseInfo>, due: string): HTMLElement {
  const item = element('li', 'grade-row');
  item.dataset['gradeStudent'] = row.student;
  item.dataset['gradeScore'] = `${row.correct}/${row.total}`;
  const name = element('h3', 'grade-name', row.student);
  if (row.nameFrom === 'file name') name.append(element('span', 'grade-name-from', ' (from the file name)'));
  const total = element('p', 'grade-total', element('strong', '', `${row.correct}/${row.total}`), ' answers correct');
  item.append(element('div', 'grade-head', name, total), handedIn(row, due));

  const scores = element('ul', 'grade-exercises');
  const details = element('details', 'grade-details', element('summary', '', 'Answers and verdicts'));
  for (const exercise of row.exercises) {
    const info = infos.get(exercise.id);
    const label = info ? `${info.number} ${info.title}` : exercise.id;
    const score = element(
      'li',
      '',
      element('span', 'grade-exercise-name', label),
      ' ',
      element('strong', '', scoreText(exercise)),
    );
    score.dataset['gradeExercise'] = exercise.id;
    scores.append(score);
    const answers = element('ul', 'grade-answers', ...exercise.answers.map((answer) => answerLine(answer, info)));
    if (exercise.answers.length === 0)
      answers.append(element('li', 'grade-answer', `No answer fields: ${scoreText(exercise)}.`));
    details.append(element('h4', 'grade-exercise-heading', `${label} (${scoreText(exercise)})`), answers);
  }
  // Typeset when first opened, so a drop of 200 files draws no math it does not show.
  details.addEventListener('toggle', () => void typeset(details), { once: true });
  item.append(scores, details);
  return item;
}

function problemItem(file: string, reason: string): HTMLElement {
  const item = element(
    'li',
    'grade-row grade-error',
    element('h3', 'grade-name', `Not graded: ${file}`),
    element('p', '', reason),
  );
  item.dataset['gradeError'] = file;
  return item;
}

async function typeset(scope: HTMLElement): Promise<void> {
  let katex;
  try {
    katex = await loadKatex();
  } catch {
    return; // The TeX source stays, readable enough for a grader.
  }
  for (const span of scope.querySelectorAll<HTMLElement>('[data-grade-tex]')) {
    span.innerHTML = katex.renderToString(span.dataset['gradeTex']!, katexOptions(false));
    delete span.dataset['gradeTex'];
  }
}

/** The rows, students and problems in the files' order. */
export function drawRows(
  list: HTMLElement,
  rows: readonly GradeRow[],
  infos: ReadonlyMap<string, ExerciseInfo>,
  due: string,
): void {
  list.replaceChildren(
    ...rows.map((row) => (row.kind === 'student' ? studentItem(row, infos, due) : problemItem(row.file, row.reason))),
  );
}
