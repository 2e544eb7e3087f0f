// The Python audit controls a project already has (docs/policy.md, `audit.python`), found at the
// level where they sit: a FastAPI dependency on the route (`dependencies=[Depends(x)]` or a
// parameter `_ = Depends(x)`), on its router (`APIRouter(dependencies=[...])`, an in-file
// `include_router(router, dependencies=[...])`) or on the app (`FastAPI(dependencies=[...])`); a DRF
// permission / authentication class on the view class or `@permission_classes([...])` on a
// function view; an audit call inside the handler.

import type { AuditControl, EndpointFact } from '../../../model/endpoints';
import { calleePath } from '../../../model/expressions';
import type { CallExpr, Expr, FileFacts, ScopeFact } from '../../../model/facts';
import { bindingsIn, callsIn } from '../../../model/facts-index';
import type { PythonAuditPolicy } from '../../../model/policy';
import { auditCallIn, type AuditCallBehind } from './audit-calls';
import { namesInList, namesOne } from './names';

const DEPENDENCY_MARKERS = new Set(['Depends', 'Security']);
const DRF_CLASS_LISTS = new Set(['permission_classes', 'authentication_classes']);
const APP_FACTORIES = new Set(['FastAPI']);

export function pythonControl(facts: FileFacts, endpoint: EndpointFact, scope: ScopeFact, audit: PythonAuditPolicy, behind?: AuditCallBehind): AuditControl | undefined {
  const dependencies = audit.dependencies ?? [];
  const classes = audit.permissionClasses ?? [];
  const viewClass = scope.kind === 'class' ? scope : parentClass(facts, scope);
  if (scope.kind === 'function') {
    const own =
      decoratorDependency(scope, dependencies) ??
      parameterDependency(facts, scope, dependencies) ??
      functionViewClasses(scope, classes) ??
      auditCallIn(facts, scope, audit.calls ?? [], behind);
    if (own) return own;
    const router = routerDependency(facts, scope, dependencies);
    if (router) return router;
  }
  return viewClass ? drfClassControl(facts, viewClass, classes) : undefined;
}

/** `@router.get("/x", dependencies=[Depends(audit_phi)])`. */
function decoratorDependency(scope: ScopeFact, names: readonly string[]): AuditControl | undefined {
  for (const decorator of scope.decorators) {
    if (decorator.expr.kind !== 'call') continue;
    for (const arg of decorator.expr.args) {
      const found = dependencyIn(arg.value, names);
      if (found) return control('dependency', found, 'endpoint');
    }
  }
  return undefined;
}

/** `def f(..., _=Depends(audit_phi))`, `Annotated[None, Depends(audit_phi)]`: calls written in the signature. */
function parameterDependency(facts: FileFacts, scope: ScopeFact, names: readonly string[]): AuditControl | undefined {
  if (!names.length) return undefined;
  const bodyStart = scope.nameRange?.end.line ?? scope.range.start.line;
  for (const fact of callsIn(facts, scope.id)) {
    const found = dependencyIn(fact.call, names, 0);
    // A `Depends(...)` in the body is not a dependency of the route; the signature may span lines.
    if (found && fact.call.range.start.line >= bodyStart && isInSignature(facts, scope, fact.call)) return control('dependency', found, 'endpoint');
  }
  return undefined;
}

function isInSignature(facts: FileFacts, scope: ScopeFact, call: CallExpr): boolean {
  const lastParam = scope.params[scope.params.length - 1];
  if (!lastParam) return false;
  // The signature ends at the first line ending with `:` from the last parameter on.
  const lines = facts.text.split('\n', scope.range.end.line + 1);
  for (let line = lastParam.range.start.line; line < lines.length; line++) {
    if (/:\s*(#.*)?$/.test(lines[line].replace(/\r$/, ''))) return call.range.start.line <= line;
  }
  return false;
}

/** `router = APIRouter(dependencies=[...])`, `app = FastAPI(dependencies=[...])`, `app.include_router(router, dependencies=[...])`. */
function routerDependency(facts: FileFacts, scope: ScopeFact, names: readonly string[]): AuditControl | undefined {
  if (!names.length) return undefined;
  for (const decorator of scope.decorators) {
    if (decorator.expr.kind !== 'call') continue;
    const receiver = calleePath(decorator.expr.callee)?.slice(0, -1).join('.');
    if (!receiver) continue;
    for (const binding of bindingsIn(facts, 0)) {
      if (binding.name !== receiver || binding.kind !== 'assign' || binding.value.kind !== 'call') continue;
      const factory = calleePath(binding.value.callee)?.pop() ?? '';
      const found = binding.value.args.map((arg) => (arg.name === 'dependencies' ? dependencyIn(arg.value, names) : undefined)).find(Boolean);
      if (found) return control('dependency', found, APP_FACTORIES.has(factory) ? 'app' : 'router');
    }
    for (const { call } of callsIn(facts, 0)) {
      const path = calleePath(call.callee);
      if (path?.[path.length - 1] !== 'include_router') continue;
      const target = call.args.find((arg) => !arg.name)?.value;
      if (target?.kind !== 'name' || target.name !== receiver) continue;
      const found = call.args.map((arg) => (arg.name === 'dependencies' ? dependencyIn(arg.value, names) : undefined)).find(Boolean);
      if (found) return control('dependency', found, 'router');
    }
  }
  return undefined;
}

/** `Depends(audit_phi)` / `Security(audit_phi)` / `Depends(audit_phi(...))` nested in `expr`: the dependency's expression. */
/** `Depends(x)`, `Security(x)`: a FastAPI dependency. */
export function isDependencyCall(call: CallExpr): boolean {
  const marker = calleePath(call.callee)?.pop();
  return !!marker && DEPENDENCY_MARKERS.has(marker);
}

/** What a dependency call depends on: `x` of `Depends(x)` or `Depends(dependency=x)`. */
export function dependencyTarget(call: CallExpr): Expr | undefined {
  return (call.args.find((arg) => arg.name === 'dependency') ?? call.args.find((arg) => !arg.name))?.value;
}

function dependencyIn(expr: Expr, names: readonly string[], depth = 0): { expr: Expr; name: string } | undefined {
  if (!names.length || depth > 8) return undefined;
  if (expr.kind === 'call') {
    if (isDependencyCall(expr)) {
      const target = dependencyTarget(expr);
      const name = target ? namesOne(target, names) : undefined;
      return name && target ? { expr: target, name } : undefined;
    }
    for (const arg of expr.args) {
      const found = dependencyIn(arg.value, names, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const children = expr.kind === 'array' ? expr.items : expr.kind === 'other' ? expr.children : [];
  for (const child of children) {
    const found = dependencyIn(child, names, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** `@permission_classes([AuditedPatientAccess])` / `@authentication_classes([...])` on a function view. */
function functionViewClasses(scope: ScopeFact, names: readonly string[]): AuditControl | undefined {
  if (!names.length) return undefined;
  for (const decorator of scope.decorators) {
    if (decorator.expr.kind !== 'call') continue;
    const decoratorName = calleePath(decorator.expr.callee)?.pop() ?? '';
    if (!DRF_CLASS_LISTS.has(decoratorName)) continue;
    for (const arg of decorator.expr.args) {
      const found = classIn(arg.value, names);
      if (found) return control('permission-class', found, 'endpoint');
    }
  }
  return undefined;
}

/** `permission_classes = [IsAuthenticated, AuditedPatientAccess]` in the view class. */
function drfClassControl(facts: FileFacts, viewClass: ScopeFact, names: readonly string[]): AuditControl | undefined {
  if (!names.length) return undefined;
  for (const binding of bindingsIn(facts, viewClass.id)) {
    if (binding.kind !== 'assign' || !DRF_CLASS_LISTS.has(binding.name)) continue;
    const found = classIn(binding.value, names);
    if (found) return control('permission-class', found, 'class');
  }
  return undefined;
}

function classIn(expr: Expr, names: readonly string[]): { expr: Expr; name: string } | undefined {
  for (const item of namesInList(expr)) {
    const name = namesOne(item, names);
    if (name) return { expr: item, name };
  }
  return undefined;
}

function parentClass(facts: FileFacts, scope: ScopeFact): ScopeFact | undefined {
  const parent = facts.scopes.find((candidate) => candidate.id === scope.parentId);
  return parent?.kind === 'class' ? parent : undefined;
}

function control(kind: AuditControl['kind'], found: { expr: Expr; name: string }, level: AuditControl['level']): AuditControl {
  return { kind, name: found.name, level, range: found.expr.range, existing: true };
}
