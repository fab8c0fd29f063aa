/**
 * The cell editor's help with the course's API: completion of the names in a cell's scope
 * (src/ml's exports, `tex`, `Plot`, `Math` and their members, the names the lesson's cells and
 * inputs define) with each one's signature and doc beside it, the same on hover, the parameters
 * of the call the caret is in once `(` or `,` is typed, and a dotted underline under a name
 * nothing defines, with "did you mean …". The docs come from the build (scopeDocs.ts), as JSON
 * in this chunk, which loads with the editor. All of it runs on CodeMirror's syntax tree, and
 * the underline only after a pause in typing, so no keystroke waits for it.
 */
import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, showTooltip, type Tooltip } from '@codemirror/view';
import scopeDocs from 'virtual:nn-scope-docs';
import { closestName } from '../../exercises/expression/closest';
import type { ScopeDoc } from '../build/scopeDocs';
import { callAtCaret, declaredNames, unknownUses } from './cellNames';

/** A name a cell of this lesson (or one of its inputs) defines, and what to say of it. */
export interface LessonName {
  name: string;
  /** "Defined in the cell 'Softmax of four scores'." */
  doc: string;
}

export interface AssistOptions {
  /** The names the lesson's other cells define; undefined while they are not known yet. */
  lessonNames(): readonly LessonName[] | undefined;
}

const scope = new Map(scopeDocs.names.map((doc) => [doc.name, doc]));
const members = new Map(
  Object.entries(scopeDocs.members).map(([owner, list]) => [owner, new Map(list.map((doc) => [doc.name, doc]))]),
);

/** JavaScript's own names a cell may read (`Array`, `console`, `undefined`), and `arguments`. */
const isGlobal = (name: string) => name in globalThis || name === 'arguments';

/** What the editor can say of a name in the code: a member (`owner.name`) or a name in scope. */
function docFor(name: string, owner: string | undefined, lesson: readonly LessonName[]): ScopeDoc | undefined {
  if (owner !== undefined) return members.get(owner)?.get(name);
  const own = lesson.find((entry) => entry.name === name);
  return own ? { name, signature: name, doc: own.doc } : scope.get(name);
}

/** The signature (with `active`, the parameter the caret is in, emphasised) and the doc, as DOM. */
function describe(doc: ScopeDoc, active?: number): HTMLElement {
  const box = document.createElement('div');
  box.className = 'cm-nn-doc';
  const signature = document.createElement('code');
  if (active !== undefined && doc.params) {
    const at = Math.min(active, doc.params.length - 1);
    const rest = doc.params[at]?.startsWith('...');
    signature.append(`${doc.name}(`);
    doc.params.forEach((param, index) => {
      if (index > 0) signature.append(', ');
      if (index === at || (rest && index === doc.params!.length - 1)) {
        const strong = document.createElement('strong');
        strong.textContent = param;
        signature.append(strong);
      } else signature.append(param);
    });
    signature.append(doc.signature.slice(doc.signature.lastIndexOf(')')));
  } else signature.textContent = doc.signature;
  box.append(signature);
  if (doc.doc) {
    const text = document.createElement('p');
    text.textContent = doc.doc;
    box.append(text);
  }
  return box;
}

const completionOf = (doc: ScopeDoc, boost = 0): Completion => ({
  label: doc.name,
  type: doc.params ? 'function' : doc.name === 'Plot' || doc.name === 'Math' ? 'namespace' : 'variable',
  // Beside the name in the list: the parameters and result, without repeating the name.
  detail: doc.signature.startsWith(doc.name) ? doc.signature.slice(doc.name.length) : '',
  info: () => describe(doc),
  boost,
});

/** The completion source: the names in scope at the caret, or the members after `Math.`, `Plot.`, …. */
export function completionSource(options: AssistOptions) {
  return (context: CompletionContext): CompletionResult | null => {
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (/String|Comment|TemplateString|PropertyDefinition|VariableDefinition/.test(node.name)) return null;
    const member = context.matchBefore(/([A-Za-z_$][\w$]*)\s*\.\s*[\w$]*$/);
    if (member) {
      const owner = /^[A-Za-z_$][\w$]*/.exec(member.text)![0];
      const list = members.get(owner);
      if (!list) return null;
      const word = context.matchBefore(/[\w$]*$/)!;
      return { from: word.from, options: [...list.values()].map((doc) => completionOf(doc)), validFor: /^[\w$]*$/ };
    }
    const word = context.matchBefore(/[A-Za-z_$][\w$]*$/);
    if (!word && !context.explicit) return null;
    const lesson = options.lessonNames() ?? [];
    const code = context.state.doc.toString();
    const own = [...declaredNames(syntaxTree(context.state), code)]
      .filter((name) => name !== word?.text)
      .map((name) => ({ label: name, type: 'variable', detail: 'in this cell', boost: 2 }));
    return {
      from: word?.from ?? context.pos,
      options: [
        ...own,
        ...lesson
          .filter((entry) => !own.some((name) => name.label === entry.name))
          .map((entry) => completionOf({ name: entry.name, signature: entry.name, doc: entry.doc }, 1)),
        ...[...scope.values()].map((doc) => completionOf(doc)),
      ],
      validFor: /^[\w$]*$/,
    };
  };
}

/** The name under `pos` and the object before its dot, if any. */
function nameAt(state: EditorState, pos: number): { name: string; owner?: string; from: number; to: number } | null {
  const line = state.doc.lineAt(pos);
  const text = line.text;
  let from = pos - line.from;
  let to = from;
  while (from > 0 && /[\w$]/.test(text[from - 1]!)) from--;
  while (to < text.length && /[\w$]/.test(text[to]!)) to++;
  if (from === to) return null;
  const owner = /([A-Za-z_$][\w$]*)\s*\.\s*$/.exec(text.slice(0, from))?.[1];
  return { name: text.slice(from, to), ...(owner ? { owner } : {}), from: line.from + from, to: line.from + to };
}

function hover(options: AssistOptions): Extension {
  return hoverTooltip((view, pos, side) => {
    const found = nameAt(view.state, pos);
    if (!found || (side < 0 && found.from === pos) || (side > 0 && found.to === pos)) return null;
    const node = syntaxTree(view.state).resolveInner(pos, side);
    if (/String|Comment/.test(node.name)) return null;
    // A name the cell declares itself is its own, whatever the course calls that name.
    if (!found.owner && declaredNames(syntaxTree(view.state), view.state.doc.toString()).has(found.name)) return null;
    const doc = docFor(found.name, found.owner, options.lessonNames() ?? []);
    if (!doc) return null;
    return { pos: found.from, end: found.to, above: true, create: () => ({ dom: describe(doc) }) };
  });
}

// ——— the parameters of the call the caret is in ———

const closeHint = StateEffect.define<null>();

/** The open parenthesis of the call whose parameters show, while the caret stays in that call. */
export const parameterHint = StateField.define<{ open: number; tooltip: Tooltip } | null>({
  create: () => null,
  update(value, tr) {
    if (tr.effects.some((effect) => effect.is(closeHint))) return null;
    if (!tr.docChanged && !tr.selection) return value;
    const caret = tr.state.selection.main;
    const typed = tr.isUserEvent('input.type');
    let text = '';
    if (typed) tr.changes.iterChanges((_a, _b, _c, _d, inserted) => (text += inserted.toString()));
    const opening = typed && (text.endsWith('(') || text.endsWith(','));
    if (!value && !opening) return null;
    if (!caret.empty) return null;
    const code = tr.state.doc.toString();
    const call = callAtCaret(code, caret.head);
    if (!call) return null;
    // Only the call it opened in, or one a `(`/`,` just opened: moving about does not pop it up.
    if (!opening && value && tr.changes.mapPos(value.open) !== call.open) return null;
    const doc = call.owner ? members.get(call.owner)?.get(call.name) : scope.get(call.name);
    if (!doc?.params) return null;
    if (!call.owner && declaredNames(syntaxTree(tr.state), code).has(call.name)) return null;
    return {
      open: call.open,
      tooltip: {
        pos: caret.head,
        above: true,
        create: () => {
          const dom = document.createElement('div');
          dom.className = 'cm-nn-hint';
          dom.append(describe(doc, call.argument));
          return { dom };
        },
      },
    };
  },
  provide: (field) => showTooltip.compute([field], (state) => state.field(field)?.tooltip ?? null),
});

const hintKeys = keymap.of([
  {
    key: 'Escape',
    run: (view) => {
      if (!view.state.field(parameterHint)) return false;
      view.dispatch({ effects: closeHint.of(null) });
      return true;
    },
  },
]);

// ——— unknown names ———

/**
 * An underline for each name the code reads that neither it, the lesson's cells, the course's
 * scope nor JavaScript defines, with the name it most likely meant. None while `lesson` is
 * unknown: every name the lesson's cells define would look unknown.
 */
export function unknownNameDiagnostics(state: EditorState, lesson: readonly LessonName[] | undefined): Diagnostic[] {
  if (!lesson) return [];
  const defined = new Set(lesson.map((entry) => entry.name));
  const code = state.doc.toString();
  const tree = syntaxTree(state);
  const known = (name: string) => scope.has(name) || defined.has(name) || isGlobal(name);
  const uses = unknownUses(tree, code, known);
  const candidates = uses.length === 0 ? [] : [...declaredNames(tree, code), ...defined, ...scope.keys()];
  return uses.map(({ name, from, to }) => {
    const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    const guess = sameLetters ?? closestName(name, candidates);
    return {
      from,
      to,
      severity: 'warning',
      message:
        `'${name}' is not defined in this lesson.` +
        (guess === undefined ? '' : ` Did you mean '${guess}'?${sameLetters ? ' (Names are case-sensitive.)' : ''}`),
    };
  });
}

const theme = EditorView.theme({
  '.cm-tooltip': {
    backgroundColor: 'var(--bg)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    fontFamily: 'var(--font-ui)',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-code)', maxWidth: 'min(36rem, 90vw)' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--bg)',
  },
  '.cm-completionDetail': { fontStyle: 'normal', opacity: '1', color: 'inherit', marginLeft: '0.75em' },
  '.cm-completionIcon': { opacity: '1' },
  '.cm-tooltip.cm-completionInfo': { maxWidth: 'min(28rem, 80vw)', padding: '0.4rem 0.6rem' },
  '.cm-nn-doc': { maxWidth: 'min(32rem, 85vw)', padding: '0.1rem 0.2rem', fontSize: '0.85rem' },
  '.cm-tooltip-hover .cm-nn-doc, .cm-nn-hint .cm-nn-doc': { padding: '0.35rem 0.55rem' },
  '.cm-nn-doc code': { fontFamily: 'var(--font-code)', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  '.cm-nn-doc strong': { color: 'var(--accent)' },
  '.cm-nn-doc p': { margin: '0.3rem 0 0' },
  '.cm-lintRange-warning': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--focus)',
    textUnderlineOffset: '3px',
  },
  '.cm-diagnostic': { padding: '0.35rem 0.55rem', borderLeft: '4px solid var(--focus)' },
});

/** Completion, hover docs, parameter hints and the underline of unknown names, for one cell's editor. */
export function cellAssist(options: AssistOptions): Extension {
  return [
    autocompletion({ override: [completionSource(options)], icons: false, maxRenderedOptions: 40 }),
    hover(options),
    parameterHint,
    hintKeys,
    linter((view) => unknownNameDiagnostics(view.state, options.lessonNames()), { delay: 400 }),
    theme,
  ];
}
