/**
 * The MDX JSX elements of a lesson's tree, read and written: the attributes an author wrote
 * (`<Slider name="scale" min="0" …/>`), and the typed values the cell plugin gives a component
 * (`<Cell spec={…} display={…}>`). A value other than a string travels as a JavaScript
 * expression, so the component receives it as the build computed it: NaN, -0 and all.
 */
import type { Expression, Property } from 'estree';
import type { BlockContent, DefinitionContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';

/** The attributes an author wrote on an element, as text (`{1}` reads "1", a bare name "true"). */
export function jsxAttributes(node: MdxJsxFlowElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const value = attribute.value;
    out[attribute.name] =
      value === null || value === undefined ? 'true' : typeof value === 'string' ? value : value.value;
  }
  return out;
}

/** A plain value (what structured clone would copy: no functions, no classes) as an expression. */
export function valueToEstree(value: unknown): Expression {
  if (value === undefined) return { type: 'Identifier', name: 'undefined' };
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return { type: 'Literal', value };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { type: 'Identifier', name: 'NaN' };
    const magnitude: Expression =
      value === Infinity || value === -Infinity
        ? { type: 'Identifier', name: 'Infinity' }
        : { type: 'Literal', value: Math.abs(value) };
    return value < 0 || Object.is(value, -0)
      ? { type: 'UnaryExpression', operator: '-', prefix: true, argument: magnitude }
      : magnitude;
  }
  if (Array.isArray(value)) return { type: 'ArrayExpression', elements: Array.from(value, valueToEstree) };
  const proto = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const properties = Object.entries(value as object).map(([key, entry]): Property => ({
      type: 'Property',
      kind: 'init',
      method: false,
      shorthand: false,
      // A literal "__proto__" key would set the prototype; a computed one is an own property.
      computed: key === '__proto__',
      key: { type: 'Literal', value: key },
      value: valueToEstree(entry),
    }));
    return { type: 'ObjectExpression', properties };
  }
  throw new TypeError(
    `a component's attribute must be plain data, not ${typeof value === 'object' ? (proto?.constructor?.name ?? 'an object') : typeof value}`,
  );
}

/** The same value as JavaScript source, for anyone who prints the tree (MDX compiles the estree). */
export function valueSource(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${Array.from(value, valueSource).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const key = (name: string) => (name === '__proto__' ? '["__proto__"]' : JSON.stringify(name));
    return `{${Object.entries(value)
      .map(([name, entry]) => `${key(name)}: ${valueSource(entry)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** One attribute: a string as written, `true` as a bare name, anything else as an expression. */
function attribute(name: string, value: unknown): MdxJsxAttribute {
  if (value === true) return { type: 'mdxJsxAttribute', name, value: null };
  if (typeof value === 'string') return { type: 'mdxJsxAttribute', name, value };
  const expression = valueToEstree(value);
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: valueSource(value),
      data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression }] } },
    },
  };
}

/** `<Name …attributes>children</Name>`; an attribute that is undefined or false is left out. */
export function jsxElement(
  name: string,
  attributes: Record<string, unknown>,
  children: (BlockContent | DefinitionContent)[] = [],
): MdxJsxFlowElement {
  const written = Object.entries(attributes).filter(([, value]) => value !== undefined && value !== false);
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: written.map(([key, value]) => attribute(key, value)),
    children,
  };
}

/** Gives an element an attribute (replacing one of the same name). */
export function setJsxAttribute(node: MdxJsxFlowElement, name: string, value: unknown): void {
  node.attributes = [
    ...node.attributes.filter((a) => a.type !== 'mdxJsxAttribute' || a.name !== name),
    attribute(name, value),
  ];
}
