// Recognising the policy's audit control (`@phi_access(...)`, `phiAccess({...})`,
// `@PhiAccess({...})`) in an expression and reading its arguments.

import { calleePath } from '../../model/expressions';
import type { CallExpr, DecoratorFact, Expr, FileFacts } from '../../model/facts';
import { offsetOf, positionAt } from '../../model/text';
import type { AuditArgument, AuditControl, AuditInsertion, DecoratorInfo } from '../../model/endpoints';

const ACTION_KEYS = ['action'];
const CATEGORY_KEYS = ['data_category', 'dataCategory', 'category', 'data_categories', 'dataCategories', 'categories'];
const ROLE_KEYS = ['roles', 'role', 'allowed_roles', 'allowedRoles'];

/** The last name of a callee or decorator expression (`audit.phi_access` -> phi_access). */
export function lastNameOf(expr: Expr): string | undefined {
  const path = calleePath(expr);
  return path?.[path.length - 1];
}

/** Each decorator's role for a fix that adds or moves the audit control: the route's, the audit control, or another. */
export function decoratorRoles(decorators: readonly DecoratorFact[], routeExpr: Expr | undefined, auditNames: readonly string[]): DecoratorInfo[] {
  return decorators.map((decorator) => ({
    range: decorator.range,
    role: decorator.expr === routeExpr ? 'route' : isAuditExpr(decorator.expr, auditNames) ? 'audit' : 'other',
  }));
}

/** Whether `expr` is the audit control itself, called or bare. */
export function isAuditExpr(expr: Expr, names: readonly string[]): boolean {
  const target = expr.kind === 'call' ? expr.callee : expr;
  const name = lastNameOf(target);
  return !!name && names.includes(name);
}

/** Finds an audit call nested anywhere in `expr` (`dependencies=[Depends(phi_access(...))]`). */
export function findAuditCall(expr: Expr, names: readonly string[], depth = 0): CallExpr | undefined {
  if (depth > 12) return undefined;
  switch (expr.kind) {
    case 'call':
      if (isAuditExpr(expr, names)) return expr;
      for (const arg of expr.args) {
        const found = findAuditCall(arg.value, names, depth + 1);
        if (found) return found;
      }
      return undefined;
    case 'array':
      for (const item of expr.items) {
        const found = findAuditCall(item, names, depth + 1);
        if (found) return found;
      }
      return undefined;
    case 'other':
      for (const child of expr.children) {
        const found = findAuditCall(child, names, depth + 1);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

export function readAuditControl(
  expr: Expr,
  kind: AuditControl['kind'],
  level: AuditControl['level'],
  facts: FileFacts,
): AuditControl {
  const name = lastNameOf(expr.kind === 'call' ? expr.callee : expr) ?? '';
  const control: AuditControl = { kind, name, level, range: expr.range };
  if (expr.kind !== 'call') {
    control.insertion = { style: 'replace', range: expr.range };
    return control;
  }
  const objectArg = expr.args.find((arg) => !arg.name && arg.value.kind === 'object');
  if (facts.language === 'ts' && objectArg && objectArg.value.kind === 'object') {
    const object = objectArg.value;
    for (const entry of object.entries) {
      if (!entry.key) continue;
      const argument: AuditArgument = { values: literalValues(entry.value), range: entry.value.range };
      assign(control, entry.key, argument);
    }
    const last = object.entries[object.entries.length - 1];
    control.insertion = last
      ? { style: 'ts-object', position: last.range.end, hasEntries: true }
      : { style: 'ts-object', position: { line: object.range.start.line, character: object.range.start.character + 1 }, hasEntries: false };
    return control;
  }
  const positional = ['action', 'data_category', 'roles'];
  let index = 0;
  for (const arg of expr.args) {
    if (arg.spread) continue;
    const argument: AuditArgument = { values: literalValues(arg.value), range: arg.value.range };
    if (arg.name) assign(control, arg.name, argument);
    else if (index < positional.length) assign(control, positional[index++], argument);
  }
  control.insertion = facts.language === 'python' ? pythonInsertion(expr, facts) : { style: 'replace', range: expr.range };
  return control;
}

function assign(control: AuditControl, key: string, argument: AuditArgument): void {
  if (ACTION_KEYS.includes(key)) control.action = argument;
  else if (CATEGORY_KEYS.includes(key)) control.dataCategory = argument;
  else if (ROLE_KEYS.includes(key)) control.roles = argument;
}

/** String literals (or a list / tuple / set of them) as values; undefined when not all literal. */
function literalValues(expr: Expr): string[] | undefined {
  if (expr.kind === 'string') return [expr.value];
  if (expr.kind === 'array') {
    const values = expr.items.map((item) => (item.kind === 'string' ? item.value : undefined));
    return values.every((value): value is string => value !== undefined) ? values : undefined;
  }
  if (expr.kind === 'other' && expr.children.length === 1) return literalValues(expr.children[0]);
  return undefined;
}

/** Before the closing parenthesis of a Python call, after any trailing comma. */
function pythonInsertion(call: CallExpr, facts: FileFacts): AuditInsertion {
  const end = offsetOf(facts.lineStarts, facts.text, call.argsRange.end) - 1;
  if (facts.text[end] !== ')') return { style: 'replace', range: call.range };
  let cursor = end - 1;
  while (cursor > 0 && /\s/.test(facts.text[cursor])) cursor--;
  const hasArguments = call.args.length > 0;
  // `phi_access(action="read",)`: insert after the comma, which is then already there.
  const trailingComma = facts.text[cursor] === ',';
  const position = positionAt(facts.lineStarts, cursor + 1);
  return { style: 'python-kwargs', position, hasArguments: hasArguments && !trailingComma };
}


