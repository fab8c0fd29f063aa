/**
 * At build time, an exercise's MDX as the exports need it: the statement, each hint and the
 * solution as plain HTML with the math kept as TeX source between \( \) and \[ \] (Moodle's
 * MathJax filter typesets it there; KaTeX's HTML would not survive an LMS's editor). The page's
 * own rendering is untouched: this is a second, small pipeline over the same source.
 *
 * The statement is everything before the first <Hint> or <Solution>, as on the page (see
 * components/exercises/split.ts). Other components keep their content; MDX expressions and
 * imports are left out, since they mean nothing outside the site. Text is escaped by the HTML
 * serializer, so a `<` in a formula or in prose arrives as `&lt;`.
 */
import type { Math as DisplayMath, InlineMath } from 'mdast-util-math';
import type { Nodes, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { publishSpec } from '../check';
import type { AnswerSpec } from '../spec';
import type { ExportExercise } from './types';

export interface ExerciseHtml {
  readonly statementHtml: string;
  readonly hintsHtml: string[];
  readonly solutionHtml?: string;
}

const HELP = new Set(['Hint', 'Solution']);
const DROPPED = new Set(['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']);
const UNWRAPPED = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);

const isHelp = (node: Nodes): node is Extract<Nodes, { type: 'mdxJsxFlowElement' }> =>
  node.type === 'mdxJsxFlowElement' && HELP.has(node.name ?? '');

/** A node with its math as TeX text and its MDX-only nodes resolved; several nodes when a component is unwrapped. */
function exportable(node: Nodes): RootContent[] {
  if (DROPPED.has(node.type)) return [];
  if (node.type === 'inlineMath')
    return [{ type: 'text', value: `\\(${(node as InlineMath).value}\\)` } satisfies Text];
  if (node.type === 'math')
    return [
      {
        type: 'paragraph',
        children: [{ type: 'text', value: `\\[${(node as DisplayMath).value}\\]` }],
      } satisfies Paragraph,
    ];
  if (UNWRAPPED.has(node.type)) return (node as Parent).children.flatMap(exportable);
  if ('children' in node) return [{ ...node, children: (node as Parent).children.flatMap(exportable) } as RootContent];
  return [node as RootContent];
}

const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeStringify, { characterReferences: { useNamedReferences: true } });

function html(nodes: readonly Nodes[]): string {
  const root: Root = { type: 'root', children: nodes.flatMap(exportable) };
  return toHtml.stringify(toHtml.runSync(root)).trim();
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);

/** `<Hint>…</Hint>` written on one line is a paragraph holding the element: the same hint. */
function asFlow(node: RootContent): RootContent {
  if (node.type !== 'paragraph' || node.children.length !== 1) return node;
  const [only] = node.children;
  if (only?.type !== 'mdxJsxTextElement' || !HELP.has(only.name ?? '')) return node;
  return {
    type: 'mdxJsxFlowElement',
    name: only.name,
    attributes: only.attributes,
    children: [{ type: 'paragraph', children: only.children }],
  };
}

/** An exercise's MDX body (without frontmatter) as statement, hints and solution in HTML. */
export function exerciseHtml(body: string): ExerciseHtml {
  const children = parser.parse(body).children.map(asFlow);
  const firstHelp = children.findIndex(isHelp);
  const statement = firstHelp < 0 ? children : children.slice(0, firstHelp);
  const help = children.filter(isHelp);
  const hintsHtml = help.filter((node) => node.name === 'Hint').map((node) => html(node.children));
  const solution = help.find((node) => node.name === 'Solution');
  return { statementHtml: html(statement), hintsHtml, ...(solution ? { solutionHtml: html(solution.children) } : {}) };
}

/**
 * An exercise as the exports take it. Without solutions (COURSE_SOLUTIONS=hide) it holds no hint,
 * no solution and only the published answers (values, never an expected formula), so the file
 * tells no more than the page; a full build gives the authored specs, formulas included.
 */
export function exportExercise(
  exercise: { id: string; title: string; number: string; answers: readonly AnswerSpec[]; body: string },
  solutions: boolean,
): ExportExercise {
  const { statementHtml, hintsHtml, solutionHtml } = exerciseHtml(exercise.body);
  return {
    id: exercise.id,
    title: exercise.title,
    number: exercise.number,
    statementHtml,
    hintsHtml: solutions ? hintsHtml : [],
    ...(solutions && solutionHtml !== undefined ? { solutionHtml } : {}),
    answers: solutions ? exercise.answers : exercise.answers.map(publishSpec),
  };
}
