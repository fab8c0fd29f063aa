/**
 * The cell editor: CodeMirror 6 with TypeScript highlighting, loaded (and warmed up) when a cell
 * nears the viewport, or by the first edit. Shift+Enter (or Ctrl/Cmd+Enter) runs the cell; Alt+↑
 * and Alt+↓ nudge the number under the cursor by one unit of its last digit and run, since
 * numbers are what students change most.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, tooltips } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { loadOnce } from '../../display/loadOnce';
import { whenIdle } from '../../display/preload';
import type { LessonName } from './assist';
import { nudgeNumber } from './nudge';

export interface CellEditor {
  readonly view: EditorView;
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
}

export interface EditorOptions {
  code: string;
  label: string;
  /** Where the caret (or selection) starts: a draft's, so typing goes on where it was. */
  selection?: { anchor: number; head: number };
  onRun(): void;
  /**
   * A nudged number: `code` is the new code, to run at once; `apply` puts it into the editor,
   * which the page does together with the new outputs, so both change in the same frame.
   */
  onNudge(code: string, apply: () => void): void;
  onChange(code: string): void;
  /** The names the lesson's cells define, for completion and the underline of unknown names. */
  lessonNames(): readonly LessonName[] | undefined;
}

// Colours come from CSS variables so the editor follows the page's light and dark themes.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: 'var(--code-keyword)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--code-number)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--code-string)' },
  { tag: [tags.comment], color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--code-function)' },
  { tag: [tags.typeName, tags.className], color: 'var(--code-type)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--bg-soft)', color: 'var(--text)', fontSize: '0.9rem' },
  '.cm-content': { fontFamily: 'var(--font-code)', caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-soft)', color: 'var(--text-soft)', border: 'none' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
});

// The help with the course's API (assist.ts, with the scope docs) is a chunk of its own, loaded
// ahead with the editor (warmEditor) or by the first editor: the editor is usable at once, and
// the help joins it a moment later.
const loadAssist = loadOnce(() => import('./assist'));

const clampSelection = ({ anchor, head }: { anchor: number; head: number }, length: number) => ({
  anchor: Math.min(anchor, length),
  head: Math.min(head, length),
});

let tooltipBox: HTMLElement | undefined;

/**
 * Where editors put their completions, docs and lint messages: in the page's body, since a
 * lesson's parts contain their paint (content-visibility, lesson.css), which would cut a tooltip
 * off at the part's edge; but in a box of their own, added once. Each editor adds its tooltips'
 * container there when it opens, and a node added to the body itself would have scrollRegions.ts
 * look through the whole page for wide blocks (32,000 elements on a long lesson: 20 ms of the
 * touch that opens an editor, on a slow phone).
 */
const tooltipHost = () => (tooltipBox ??= document.body.appendChild(document.createElement('div')));

/** The editor's state: the code, and every extension but the course's help, which joins later. */
function editorState(options: EditorOptions, assist: Compartment, replacing: () => boolean): EditorState {
  const run = () => {
    options.onRun();
    return true;
  };
  return EditorState.create({
    doc: options.code,
    ...(options.selection ? { selection: clampSelection(options.selection, options.code.length) } : {}),
    extensions: [
      lineNumbers(),
      history(),
      bracketMatching(),
      javascript({ typescript: true }),
      syntaxHighlighting(highlight),
      theme,
      tooltips({ parent: tooltipHost() }),
      assist.of([]),
      keymap.of([{ key: 'Shift-Enter', run }, { key: 'Mod-Enter', run }, ...defaultKeymap, ...historyKeymap]),
      EditorView.contentAttributes.of({
        'aria-label': `Code of ${options.label}. Shift+Enter runs it; Alt+Up and Alt+Down change the number at the cursor.`,
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !replacing()) options.onChange(update.state.doc.toString());
      }),
    ],
  });
}

/**
 * Makes the first editor on the page quick to open (runtime.ts's warmUp calls it ahead of a
 * touch). Most of the time a page's first editor takes goes into compiling CodeMirror's code and
 * mounting its styles, once per page: about 150 ms on a slow phone, against about 40 ms for the
 * cell's own editor once that is done. A throwaway editor, never on the page, pays it ahead, in
 * two idle periods so that neither holds up reading for long; the help's code loads after it.
 */
export async function warmEditor(): Promise<void> {
  const none = () => undefined;
  const options = {
    code: 'const z = [5, 2, -1, 3];\nsoftmax(z)',
    label: '',
    onRun: none,
    onNudge: none,
    onChange: none,
  };
  const state = editorState({ ...options, lessonNames: none }, new Compartment(), () => false);
  await new Promise<void>((resolve) => whenIdle(resolve as () => void));
  new EditorView({ state }).destroy();
  // The help's chunk too, so that opening the editor does not ask for it.
  await loadAssist();
}

export function createEditor(parent: HTMLElement, options: EditorOptions): CellEditor {
  const nudge = (direction: 1 | -1) => (view: EditorView) => {
    const doc = view.state.doc.toString();
    const change = nudgeNumber(doc, view.state.selection.main.head, direction);
    if (!change) return false;
    const { from, to, insert } = change.changes;
    let applied = false;
    options.onNudge(doc.slice(0, from) + insert + doc.slice(to), () => {
      // Once only, and only if nothing changed the editor in between.
      if (applied || view.state.doc.toString() !== doc) return;
      applied = true;
      view.dispatch({ changes: change.changes, selection: { anchor: change.cursor } });
    });
    return true;
  };
  // Set while the page replaces the code (reset, a shared link), so that is not taken for typing.
  let replacing = false;
  const assist = new Compartment();
  const view = new EditorView({ parent, state: editorState(options, assist, () => replacing) });
  // The help joins once the editor has been drawn: the touch that opened it waits for nothing more.
  loadAssist().then(
    ({ cellAssist }) =>
      whenIdle(() => {
        if (view.dom.isConnected)
          view.dispatch({ effects: assist.reconfigure(cellAssist({ lessonNames: () => options.lessonNames() })) });
      }, 200),
    // Without its help (the chunk did not load) the editor still edits and runs.
    () => undefined,
  );
  // Nudges are handled before CodeMirror sees the key: its keydown handler asks for an
  // animation frame (to re-measure), and once a frame is pending after an input event,
  // Chromium holds the worker's answer until that frame has been drawn. Without the frame,
  // the new output arrives a frame earlier. The Alt key alone would ask for one too.
  view.contentDOM.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Alt') {
        event.stopPropagation();
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const direction = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
      if (direction === 0 || !nudge(direction)(view)) return;
      event.preventDefault();
      event.stopPropagation();
    },
    true,
  );
  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode: (code) => {
      replacing = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
      } finally {
        replacing = false;
      }
    },
    focus: () => view.focus(),
  };
}

/** A draft's text and where its selection is, as offsets into the text (0 when it has none). */
export function readDraft(draft: HTMLElement): { text: string; anchor: number; head: number; focused: boolean } {
  const text = draft.textContent ?? '';
  const selection = getSelection();
  const offset = (node: Node | null | undefined, at: number) => {
    if (!node || !draft.contains(node)) return 0;
    const before = document.createRange();
    before.setStart(draft, 0);
    before.setEnd(node, at);
    return before.toString().length;
  };
  return {
    text,
    anchor: offset(selection?.anchorNode, selection?.anchorOffset ?? 0),
    head: offset(selection?.focusNode, selection?.focusOffset ?? 0),
    focused: draft.contains(document.activeElement),
  };
}
