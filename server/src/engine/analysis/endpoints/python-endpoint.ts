// What the Python finders (route-decorators.ts, django-views.ts) share: the endpoint fact of a
// handler function with the decorator placement of a fix, its audit decorator, and the HTTP
// methods of `methods=[...]` arguments and method-named handlers.

import type { Framework } from '../../catalogues/frameworks';
import type { AuditControl, EndpointFact, HttpMethod } from '../../model/endpoints';
import { calleePath } from '../../model/expressions';
import type { CallExpr, Expr, FileFacts, ScopeFact } from '../../model/facts';
import type { ResolvedPolicy } from '../../model/policy';
import { lineIndent } from '../../model/text';
import { endpointFact } from './finder';
import { decoratorRoles, findAuditCall, isAuditExpr, readAuditControl } from './audit-control';
import type { PhiEvidence } from './touches-phi';

/** Decorator (`@router.get`) and handler (`def get(self, ...)`) names that are HTTP methods. */
export const METHOD_NAMES: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS',
};

export function pythonEndpoint(
  scope: ScopeFact,
  framework: Framework,
  methods: HttpMethod[],
  routePath: string,
  audit: AuditControl | undefined,
  evidence: PhiEvidence,
  facts: FileFacts,
  routeExpr: Expr | undefined,
  auditNames: string[],
  handlerName = scope.name ?? '<anonymous>',
): EndpointFact {
  const start = scope.decorators[0]?.range.start ?? scope.range.start;
  const nameRange = scope.nameRange ?? scope.range;
  const decorators = decoratorRoles(scope.decorators, routeExpr, auditNames);
  const defLine = scope.range.start.line;
  const indent = lineIndent(facts.text, facts.lineStarts, defLine);
  const placement = { kind: 'python-decorator', decorators, defLine, indent } as const;
  return endpointFact({ framework, methods, path: routePath, handler: { name: handlerName, range: nameRange }, start, end: nameRange.end, audit, placement }, evidence);
}

/** `methods=["GET", "POST"]` (or the second positional argument). */
export function methodsArgument(call: CallExpr): HttpMethod[] | undefined {
  const arg = call.args.find((a) => a.name === 'methods') ?? (call.args.length > 1 && !call.args[1].name ? call.args[1] : undefined);
  if (!arg || arg.value.kind !== 'array') return undefined;
  const methods = arg.value.items.flatMap((item) => (item.kind === 'string' ? [item.value.toUpperCase()] : []));
  const known = methods.filter((m): m is HttpMethod => ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(m));
  return known.length ? known : undefined;
}

/** The audit decorator on a function or class, if any. */
export function endpointAudit(scope: ScopeFact, names: string[], facts: FileFacts, level: AuditControl['level'] = 'endpoint'): AuditControl | undefined {
  for (const decorator of scope.decorators) {
    if (isAuditExpr(decorator.expr, names)) return readAuditControl(decorator.expr, 'decorator', level, facts);
    // `@method_decorator(phi_access(...), name="dispatch")` on a Django class.
    if (decorator.expr.kind === 'call' && lastName(decorator.expr.callee) === 'method_decorator') {
      const inner = findAuditCall(decorator.expr, names);
      if (inner) return readAuditControl(inner, 'decorator', level, facts);
    }
  }
  return undefined;
}

/** The policy's Python audit decorator names. */
export function pythonAuditNames(policy: ResolvedPolicy): string[] {
  return [policy.audit.python.decorator || 'phi_access'];
}

/** The last name of an expression, of a call's callee for a call (`@app.get(...)` -> get). */
export function lastName(expr: Expr): string | undefined {
  const target = expr.kind === 'call' ? expr.callee : expr;
  const path = calleePath(target);
  return path?.[path.length - 1];
}
