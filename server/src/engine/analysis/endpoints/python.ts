// Python endpoints: FastAPI and Flask route decorators (with APIRouter / Blueprint prefixes and
// in-file include_router / register_blueprint mounts), Django function views, class-based views
// and Django REST Framework APIView / ViewSet methods.

import * as path from 'node:path';
import { calleePath } from '../../model/expressions';
import type { CallExpr, Expr, FileFacts, ScopeFact } from '../../model/facts';
import { childScopes } from '../../model/facts-index';
import type { FlowAnalyzer } from '../flow/flow';
import type { ResolvedPolicy } from '../../model/policy';
import { findAuditCall, isAuditExpr, readAuditControl } from './audit-control';
import { joinPaths } from './resources';
import { pythonClassBases, returnTypeNames } from './signature';
import { assessPhi, namesIn } from './touches-phi';
import type { AuditControl, DecoratorInfo, EndpointFact, Framework, HttpMethod } from '../../model/endpoints';

const DECORATOR_METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS',
};
const ROUTER_FACTORIES: Record<string, Framework> = {
  FastAPI: 'fastapi', APIRouter: 'fastapi', Flask: 'flask', Blueprint: 'flask', Quart: 'flask', NinjaAPI: 'fastapi', Router: 'fastapi',
};
const DRF_ACTIONS: Record<string, HttpMethod> = {
  list: 'GET', retrieve: 'GET', create: 'POST', update: 'PUT', partial_update: 'PATCH', destroy: 'DELETE',
};
const DJANGO_METHOD_DECORATORS: Record<string, HttpMethod[]> = {
  require_GET: ['GET'], require_POST: ['POST'], require_safe: ['GET', 'HEAD'],
};
const VIEW_BASE = /(View|ViewSet|APIView|Mixin|Resource)$/;

interface RouterInfo {
  framework: Framework;
  prefix: string;
  audit?: AuditControl;
}

export function findPythonEndpoints(facts: FileFacts, flow: FlowAnalyzer, policy: ResolvedPolicy, filePath: string): EndpointFact[] {
  const auditNames = [policy.audit.python.decorator || 'phi_access'];
  const routers = collectRouters(facts, auditNames);
  const importsFrom = (prefix: string) => facts.imports.some((fact) => fact.module === prefix || fact.module.startsWith(`${prefix}.`));
  const defaultFramework: Framework = importsFrom('flask') ? 'flask' : 'fastapi';
  const djangoFile = importsFrom('django') || importsFrom('rest_framework') || /(^|_)views?\.py$/.test(path.basename(filePath)) || /[\\/]views[\\/]/.test(filePath);
  const endpoints: EndpointFact[] = [];
  const endpointScopes = new Set<number>();

  for (const scope of facts.scopes) {
    if (scope.kind !== 'function') continue;
    for (const decorator of scope.decorators) {
      const route = routeOf(decorator.expr, routers, defaultFramework);
      if (!route) continue;
      endpointScopes.add(scope.id);
      const audit =
        endpointAudit(scope, auditNames, facts) ??
        auditInArgs(decorator.expr as CallExpr, auditNames, facts) ??
        route.router?.audit;
      const typeNames = [
        ...scope.params.flatMap((param) => param.typeNames),
        ...returnTypeNames(facts, scope),
        ...(route.responseModel ? namesIn(route.responseModel) : []),
      ];
      const evidence = assessPhi({ path: route.path, handlerScopeId: scope.id, typeNames, nameHints: [] }, facts, flow);
      endpoints.push(endpointFact(scope, route.framework, route.methods, route.path, audit, evidence, facts, decorator.expr, auditNames));
      break;
    }
  }

  for (const scope of facts.scopes) {
    if (scope.kind !== 'class' || scope.parentId !== 0) continue;
    const bases = pythonClassBases(facts, scope);
    if (!bases.some((base) => VIEW_BASE.test(base))) continue;
    const isDrf = bases.some((base) => /APIView|ViewSet|Generic/.test(base)) || importsFrom('rest_framework');
    const classAudit = endpointAudit(scope, auditNames, facts, 'class');
    for (const method of childScopes(facts, scope.id)) {
      if (method.kind !== 'function' || !method.name) continue;
      const methods = classMethodVerbs(method);
      if (!methods) continue;
      endpointScopes.add(method.id);
      const audit = endpointAudit(method, auditNames, facts) ?? classAudit;
      const typeNames = [...method.params.flatMap((param) => param.typeNames), ...returnTypeNames(facts, method)];
      const evidence = assessPhi(
        { path: '', handlerScopeId: method.id, typeNames, nameHints: [scope.name ?? ''], extraScopeIds: [scope.id] },
        facts,
        flow,
      );
      const routeDecorator = method.decorators.find((d) => lastName(d.expr) === 'action')?.expr;
      endpoints.push(endpointFact(method, isDrf ? 'drf' : 'django', methods, '', audit, evidence, facts, routeDecorator, auditNames, `${scope.name}.${method.name}`));
    }
  }

  for (const scope of facts.scopes) {
    if (scope.kind !== 'function' || endpointScopes.has(scope.id) || scope.parentId !== 0 || !scope.name) continue;
    const routeDecorator = scope.decorators.find((d) => isDjangoRouteDecorator(d.expr));
    const isView = routeDecorator || (djangoFile && !scope.name.startsWith('_') && /^(request|req)$/.test(scope.params[0]?.name ?? ''));
    if (!isView) continue;
    const methods = routeDecorator ? djangoMethods(routeDecorator.expr) : ['ANY' as const];
    const audit = endpointAudit(scope, auditNames, facts);
    const typeNames = [...scope.params.flatMap((param) => param.typeNames), ...returnTypeNames(facts, scope)];
    const evidence = assessPhi({ path: '', handlerScopeId: scope.id, typeNames, nameHints: [scope.name] }, facts, flow);
    const framework: Framework = routeDecorator && lastName(routeDecorator.expr) === 'api_view' ? 'drf' : 'django';
    endpoints.push(endpointFact(scope, framework, methods, '', audit, evidence, facts, routeDecorator?.expr, auditNames));
  }
  return endpoints;
}

function endpointFact(
  scope: ScopeFact,
  framework: Framework,
  methods: HttpMethod[],
  routePath: string,
  audit: AuditControl | undefined,
  evidence: ReturnType<typeof assessPhi>,
  facts: FileFacts,
  routeExpr: Expr | undefined,
  auditNames: string[],
  handlerName = scope.name ?? '<anonymous>',
): EndpointFact {
  const start = scope.decorators[0]?.range.start ?? scope.range.start;
  const nameRange = scope.nameRange ?? scope.range;
  const decorators: DecoratorInfo[] = scope.decorators.map((decorator) => ({
    range: decorator.range,
    role: decorator.expr === routeExpr ? 'route' : isAuditExpr(decorator.expr, auditNames) ? 'audit' : 'other',
  }));
  const defLine = scope.range.start.line;
  const lineStart = facts.lineStarts[defLine] ?? 0;
  const indent = /^[ \t]*/.exec(facts.text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  return {
    framework,
    methods,
    path: routePath,
    handler: { name: handlerName, range: nameRange },
    line: start.line,
    range: { start, end: nameRange.end },
    audit,
    touchesPhi: evidence.touchesPhi,
    categories: evidence.categories,
    why: evidence.why,
    placement: { kind: 'python-decorator', decorators, defLine, indent },
  };
}

interface Route {
  framework: Framework;
  methods: HttpMethod[];
  path: string;
  router?: RouterInfo;
  responseModel?: Expr;
}

function routeOf(expr: Expr, routers: Map<string, RouterInfo>, fallback: Framework): Route | undefined {
  if (expr.kind !== 'call') return undefined;
  const path = calleePath(expr.callee);
  if (!path || path.length < 2) return undefined;
  const method = path[path.length - 1];
  const receiver = path.slice(0, -1).join('.');
  const router = routers.get(receiver);
  let methods: HttpMethod[];
  let framework: Framework = router?.framework ?? fallback;
  if (DECORATOR_METHODS[method]) methods = [DECORATOR_METHODS[method]];
  else if (method === 'route' || method === 'api_route') {
    if (!router) framework = method === 'route' ? 'flask' : 'fastapi';
    methods = methodsArgument(expr) ?? ['GET'];
  } else return undefined;
  const pathArg = expr.args.find((arg) => arg.name === 'path' || arg.name === 'rule') ?? expr.args.find((arg) => !arg.name);
  const routePath = pathArg && pathArg.value.kind === 'string' ? pathArg.value.value : undefined;
  // Without a literal path, only a known router's decorator counts (not `@cache.get(key)`).
  if (routePath === undefined && !router) return undefined;
  if (routePath !== undefined && !router && routePath !== '' && !routePath.startsWith('/')) return undefined;
  const responseModel = expr.args.find((arg) => arg.name === 'response_model')?.value;
  return { framework, methods, path: joinPaths(router?.prefix ?? '', routePath ?? ''), router, responseModel };
}

function methodsArgument(call: CallExpr): HttpMethod[] | undefined {
  const arg = call.args.find((a) => a.name === 'methods') ?? (call.args.length > 1 && !call.args[1].name ? call.args[1] : undefined);
  if (!arg || arg.value.kind !== 'array') return undefined;
  const methods = arg.value.items.flatMap((item) => (item.kind === 'string' ? [item.value.toUpperCase()] : []));
  const known = methods.filter((m): m is HttpMethod => ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(m));
  return known.length ? known : undefined;
}

/** Module-level `router = APIRouter(prefix=...)`, `bp = Blueprint(..., url_prefix=...)` and their mounts. */
function collectRouters(facts: FileFacts, auditNames: string[]): Map<string, RouterInfo> {
  const routers = new Map<string, RouterInfo>();
  for (const binding of facts.bindings) {
    if (binding.scopeId !== 0 || binding.kind !== 'assign' || binding.value.kind !== 'call') continue;
    const factory = lastName(binding.value.callee);
    const framework = factory ? ROUTER_FACTORIES[factory] : undefined;
    if (!framework) continue;
    const call = binding.value;
    const prefixArg = call.args.find((arg) => arg.name === 'prefix' || arg.name === 'url_prefix');
    const prefix = prefixArg?.value.kind === 'string' ? prefixArg.value.value : '';
    const auditCall = call.args.map((arg) => findAuditCall(arg.value, auditNames)).find(Boolean);
    routers.set(binding.name, { framework, prefix, audit: auditCall ? readAuditControl(auditCall, 'decorator', 'router', facts) : undefined });
  }
  // `app.include_router(router, prefix="/api")`, `app.register_blueprint(bp, url_prefix="/api")`.
  for (const { call } of facts.calls) {
    const name = lastName(call.callee);
    if (name !== 'include_router' && name !== 'register_blueprint') continue;
    const target = call.args.find((arg) => !arg.name)?.value;
    if (target?.kind !== 'name') continue;
    const router = routers.get(target.name);
    const mount = call.args.find((arg) => arg.name === 'prefix' || arg.name === 'url_prefix');
    if (!router || mount?.value.kind !== 'string') continue;
    const parentPath = calleePath(call.callee)?.slice(0, -1).join('.') ?? '';
    const parent = routers.get(parentPath);
    router.prefix = name === 'register_blueprint' ? joinPaths(parent?.prefix ?? '', mount.value.value) : joinPaths(parent?.prefix ?? '', mount.value.value, router.prefix);
    if (router.prefix === '/') router.prefix = '';
    if (!router.audit) {
      const auditCall = call.args.map((arg) => findAuditCall(arg.value, auditNames)).find(Boolean);
      if (auditCall) router.audit = readAuditControl(auditCall, 'decorator', 'router', facts);
    }
  }
  return routers;
}

/** The audit decorator on a function or class, if any. */
function endpointAudit(scope: ScopeFact, names: string[], facts: FileFacts, level: AuditControl['level'] = 'endpoint'): AuditControl | undefined {
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

/** `@router.get("/x", dependencies=[Depends(phi_access(...))])`. */
function auditInArgs(route: CallExpr, names: string[], facts: FileFacts): AuditControl | undefined {
  for (const arg of route.args) {
    const found = findAuditCall(arg.value, names);
    if (found) return readAuditControl(found, 'decorator', 'endpoint', facts);
  }
  return undefined;
}

function classMethodVerbs(method: ScopeFact): HttpMethod[] | undefined {
  const name = method.name ?? '';
  const action = method.decorators.find((d) => lastName(d.expr) === 'action');
  if (action) return (action.expr.kind === 'call' ? methodsArgument(action.expr) : undefined) ?? ['GET'];
  if (DECORATOR_METHODS[name]) return [DECORATOR_METHODS[name]];
  if (DRF_ACTIONS[name]) return [DRF_ACTIONS[name]];
  return undefined;
}

function isDjangoRouteDecorator(expr: Expr): boolean {
  const name = lastName(expr.kind === 'call' ? expr.callee : expr);
  return !!name && (name === 'api_view' || name === 'require_http_methods' || name in DJANGO_METHOD_DECORATORS);
}

function djangoMethods(expr: Expr): HttpMethod[] {
  const name = lastName(expr.kind === 'call' ? expr.callee : expr) ?? '';
  if (DJANGO_METHOD_DECORATORS[name]) return DJANGO_METHOD_DECORATORS[name];
  if (expr.kind === 'call') {
    const first = expr.args[0];
    if (first?.value.kind === 'array') {
      const methods = first.value.items.flatMap((item) => (item.kind === 'string' ? [item.value.toUpperCase() as HttpMethod] : []));
      if (methods.length) return methods;
    }
  }
  return name === 'api_view' ? ['GET'] : ['ANY'];
}

function lastName(expr: Expr): string | undefined {
  const target = expr.kind === 'call' ? expr.callee : expr;
  const path = calleePath(target);
  return path?.[path.length - 1];
}

