/**
 * Scope analysis of a cell's JavaScript (after type stripping): the names it declares at top
 * level, the free names it reads, and whether it awaits at top level. This is what the
 * dependency graph is built from (Observable's model: a cell depends on the cells that define
 * the names it reads).
 */
import type { Node } from 'acorn';

type AnyNode = Node & Record<string, unknown>;

export interface ScopeAnalysis {
  /** Names declared by the cell's top-level statements, in source order. */
  defines: string[];
  /** Names the cell reads that no scope inside the cell declares, in first-use order. */
  references: string[];
  /** True when the cell uses `await` outside any function. */
  topLevelAwait: boolean;
}

const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The identifiers a binding pattern declares: `a`, `[a, b]`, `{ a, b: [c] }`, `...rest`, `a = 1`. */
export function patternNames(pattern: AnyNode | null | undefined, names: string[] = []): string[] {
  if (!pattern) return names;
  switch (pattern.type) {
    case 'Identifier':
      names.push(pattern['name'] as string);
      break;
    case 'ArrayPattern':
      for (const element of pattern['elements'] as (AnyNode | null)[]) patternNames(element, names);
      break;
    case 'ObjectPattern':
      for (const property of pattern['properties'] as AnyNode[]) {
        patternNames(property.type === 'RestElement' ? property : (property['value'] as AnyNode), names);
      }
      break;
    case 'RestElement':
      patternNames(pattern['argument'] as AnyNode, names);
      break;
    case 'AssignmentPattern':
      patternNames(pattern['left'] as AnyNode, names);
      break;
  }
  return names;
}

/** Names declared directly in a list of statements (let, const, var, function, class). */
function declaredIn(statements: AnyNode[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement['declarations'] as AnyNode[]) patternNames(declarator['id'] as AnyNode, names);
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement['id']) {
      names.push((statement['id'] as AnyNode)['name'] as string);
    }
  }
  return names;
}

/** Analyses a parsed Program (acorn, ecmaVersion latest, script with top-level await allowed). */
export function analyzeProgram(program: AnyNode): ScopeAnalysis {
  const body = program['body'] as AnyNode[];
  const defines = declaredIn(body);
  const references: string[] = [];
  const seen = new Set<string>();
  const scopes: Set<string>[] = [new Set(defines)];
  let functionDepth = 0;
  let topLevelAwait = false;

  const isDeclared = (name: string) => scopes.some((scope) => scope.has(name));
  const reference = (name: string) => {
    if (!isDeclared(name) && !seen.has(name)) {
      seen.add(name);
      references.push(name);
    }
  };
  const withScope = (names: Iterable<string>, visitBody: () => void) => {
    scopes.push(new Set(names));
    visitBody();
    scopes.pop();
  };

  // Visits the expressions inside a binding pattern (defaults, computed keys), not its names.
  const visitPattern = (pattern: AnyNode | null | undefined): void => {
    if (!pattern) return;
    switch (pattern.type) {
      case 'Identifier':
        return;
      case 'ArrayPattern':
        for (const element of pattern['elements'] as (AnyNode | null)[]) visitPattern(element);
        return;
      case 'ObjectPattern':
        for (const property of pattern['properties'] as AnyNode[]) {
          if (property.type === 'RestElement') visitPattern(property['argument'] as AnyNode);
          else {
            if (property['computed']) visit(property['key'] as AnyNode);
            visitPattern(property['value'] as AnyNode);
          }
        }
        return;
      case 'RestElement':
        visitPattern(pattern['argument'] as AnyNode);
        return;
      case 'AssignmentPattern':
        visitPattern(pattern['left'] as AnyNode);
        visit(pattern['right'] as AnyNode);
        return;
      default:
        // A member expression as an assignment target: `a.b = 1` reads `a`.
        visit(pattern);
    }
  };

  const visitFunction = (node: AnyNode): void => {
    const params = node['params'] as AnyNode[];
    const names = params.flatMap((param) => patternNames(param));
    const id = node['id'] as AnyNode | null;
    if (node.type === 'FunctionExpression' && id) names.push(id['name'] as string);
    functionDepth++;
    withScope(names, () => {
      for (const param of params) visitPattern(param);
      const fnBody = node['body'] as AnyNode;
      if (fnBody.type === 'BlockStatement') {
        const statements = fnBody['body'] as AnyNode[];
        withScope(declaredIn(statements), () => statements.forEach(visit));
      } else visit(fnBody);
    });
    functionDepth--;
  };

  const visitChildren = (node: AnyNode): void => {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' || key === 'loc' || key === 'range') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) visit(value);
    }
  };

  function visit(node: AnyNode): void {
    switch (node.type) {
      case 'Identifier':
        reference(node['name'] as string);
        return;
      case 'VariableDeclaration':
        for (const declarator of node['declarations'] as AnyNode[]) {
          visitPattern(declarator['id'] as AnyNode);
          if (declarator['init']) visit(declarator['init'] as AnyNode);
        }
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        visitFunction(node);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression': {
        const id = node['id'] as AnyNode | null;
        withScope(id ? [id['name'] as string] : [], () => {
          if (node['superClass']) visit(node['superClass'] as AnyNode);
          visit(node['body'] as AnyNode);
        });
        return;
      }
      case 'MethodDefinition':
      case 'PropertyDefinition':
      case 'Property':
        if (node['computed']) visit(node['key'] as AnyNode);
        if (node['value']) visit(node['value'] as AnyNode);
        return;
      case 'MemberExpression':
        visit(node['object'] as AnyNode);
        if (node['computed']) visit(node['property'] as AnyNode);
        return;
      case 'BlockStatement':
      case 'StaticBlock': {
        const statements = node['body'] as AnyNode[];
        withScope(declaredIn(statements), () => statements.forEach(visit));
        return;
      }
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        if (node['await'] === true && functionDepth === 0) topLevelAwait = true;
        const head = (node['init'] ?? node['left']) as AnyNode | null;
        const names = head?.type === 'VariableDeclaration' ? declaredIn([head]) : [];
        withScope(names, () => visitChildren(node));
        return;
      }
      case 'CatchClause':
        withScope(patternNames(node['param'] as AnyNode | null), () => {
          visitPattern(node['param'] as AnyNode | null);
          visit(node['body'] as AnyNode);
        });
        return;
      case 'AssignmentExpression':
        visitPattern(node['left'] as AnyNode);
        visit(node['right'] as AnyNode);
        // `x = 1` and `x += 1` also touch x itself.
        if ((node['left'] as AnyNode).type === 'Identifier') reference((node['left'] as AnyNode)['name'] as string);
        return;
      case 'LabeledStatement':
        visit(node['body'] as AnyNode);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
        return;
      case 'AwaitExpression':
        if (functionDepth === 0) topLevelAwait = true;
        visitChildren(node);
        return;
      default:
        visitChildren(node);
    }
  }

  body.forEach(visit);
  return { defines, references, topLevelAwait };
}
