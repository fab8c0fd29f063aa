/**
 * A derivation in steps on the page: each line of the field drawn as it was read (typeset), and
 * after Check with its verdict: follows, does not follow (with the point where it differs), or
 * cannot be read (the line with the part the message is about marked). What the student typed
 * goes in as text, never as markup; the TeX comes from the checker, which escapes what was typed.
 */
import { katexNow, katexOptions, loadKatex } from '../../display/katex';
import type { StepsVerdict, StepVerdict } from '../steps';

type Katex = typeof import('katex').default;

/** The TeX each line's math element shows, and the TeX it should show (KaTeX may load late). */
const drawnTex = new WeakMap<Element, string>();
const wantedTex = new WeakMap<Element, string | undefined>();

/**
 * Draws every line of `text` with the checker's verdict on it: `judged` after Check (statuses and
 * messages), else as a preview while the student types (how each line reads, nothing more).
 */
export function showSteps(form: HTMLElement, verdict: StepsVerdict, text: string, judged: boolean): void {
  const list = form.querySelector<HTMLElement>('[data-steps-lines]');
  if (!list) return;
  const maths = verdict.steps.map((step, i) =>
    drawStep(list.children[i] ?? list.appendChild(newItem()), step, text, judged),
  );
  for (const extra of [...list.children].slice(maths.length)) extra.remove();
  list.hidden = maths.length === 0;
  typeset(maths);
}

function newItem(): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'answer-step';
  const number = document.createElement('span');
  number.className = 'answer-step-number';
  const math = document.createElement('span');
  math.className = 'answer-step-math';
  const message = document.createElement('p');
  message.className = 'answer-step-message';
  item.append(number, math, message);
  return item;
}

/** One line's element brought up to date; returns its math element, to typeset. */
function drawStep(item: Element, step: StepVerdict, text: string, judged: boolean): HTMLElement {
  const element = item as HTMLElement;
  element.dataset['step'] = String(step.line);
  if (judged) element.dataset['stepStatus'] = step.status;
  else delete element.dataset['stepStatus'];
  const [number, math, message] = [...element.children] as HTMLElement[];
  number!.textContent = `Line ${step.line}`;
  wantedTex.set(math!, step.previewTex);
  if (step.previewTex === undefined) {
    // Not readable: the line as typed, the part the message is about marked once judged.
    drawnTex.delete(math!);
    math!.replaceChildren(...sourceWithMark(text, step, judged));
    math!.classList.add('answer-step-source');
  } else math!.classList.remove('answer-step-source');
  message!.replaceChildren();
  if (judged) {
    // A line that follows or not says so in its first words; the parse messages are fragments.
    const sentence = /[.!?]$/.test(step.message) ? step.message : `${step.message}.`;
    message!.append(step.status === 'invalid' ? `Cannot be read: ${sentence}` : sentence);
  }
  if (step.milestone) {
    const milestone = document.createElement('span');
    milestone.className = 'answer-step-milestone';
    milestone.textContent = ` ${step.milestone.says}`;
    message!.append(milestone);
  }
  message!.hidden = message!.childNodes.length === 0;
  return math!;
}

/** Line `number` of the text (from 1, as the checker counts them) and the offset it starts at. */
function lineAt(text: string, number: number): { line: string; start: number } {
  let start = 0;
  let count = 1;
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    if (count === number) return { line: text.slice(start, match.index), start };
    start = match.index + match[0].length;
    count++;
  }
  return { line: text.slice(start), start };
}

/** The text of an unreadable line, with the part its message is about in a <mark> once judged. */
function sourceWithMark(text: string, step: StepVerdict, judged: boolean): Node[] {
  const { line, start } = lineAt(text, step.line);
  if (!judged) return [document.createTextNode(line)];
  const from = Math.min(Math.max(step.position.start - start, 0), line.length);
  const to = Math.min(Math.max(step.position.end - start, from + 1), line.length);
  const mark = document.createElement('mark');
  mark.textContent = line.slice(from, to) || ' ';
  return [document.createTextNode(line.slice(0, from)), mark, document.createTextNode(line.slice(to))];
}

/** Typesets the lines whose TeX changed: now if KaTeX is there, else once it has loaded. */
function typeset(maths: readonly HTMLElement[]): void {
  const stale = (math: HTMLElement) => {
    const tex = wantedTex.get(math);
    return tex !== undefined && drawnTex.get(math) !== tex;
  };
  const draw = (katex: Katex) => {
    // By the time KaTeX is there the lines may have changed: each shows what it should show now.
    for (const math of maths.filter(stale)) {
      const tex = wantedTex.get(math)!;
      math.innerHTML = katex.renderToString(tex, katexOptions(false));
      drawnTex.set(math, tex);
    }
  };
  if (!maths.some(stale)) return;
  const katex = katexNow();
  if (katex) draw(katex);
  else void loadKatex().then(draw);
}
