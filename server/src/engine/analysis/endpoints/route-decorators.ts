// Routes written as decorators on functions (FastAPI, Flask, and the frameworks of
// catalogues/frameworks.ts with `routes: 'route-decorators'`): `@app.get("/x")`, `@bp.route("/x",
// methods=[...])`, `@x.api_route(...)`; module-level `APIRouter(prefix=...)` / `Blueprint(...,
// url_prefix=...)` routers and their in-file `include_router` / `register_blueprint` mounts give
// the full path.

import { isFrameworkModule, type Framework } from '../../catalogues/frameworks';
import type { AuditControl, EndpointFact, HttpMethod } from '../../model/endpoints';
import { calleePath } from '../../model/expressions';
import { bindingsIn, functionNamed, importOf } from '../../model/facts-index';
import type { CallExpr, Expr, FileFacts, ScopeFact } from '../../model/facts';
import { findAuditCall, readAuditControl } from './audit-control';
import { frameworkOfFile, type FinderInput } from './finder';
import { METHOD_NAMES, endpointAudit, lastName, methodsArgument, pythonAuditNames, pythonEndpoint } from './python-endpoint';
import { joinPaths } from './resources';
import { returnTypeNames } from './signature';
import { assessPhi } from './evidence-memo';
import { namesIn } from './touches-phi';

interface RouterInfo {
  framework: Framework;
  prefix: string;
  audit?: AuditControl;
}

export function findDecoratedRoutes(input: FinderInput): EndpointFact[] {
  const { facts, flow } = input;
  const auditNames = pythonAuditNames(input.policy);
  const routers = collectRouters(input, auditNames);
  const fileFramework = frameworkOfFile(input);
  const endpoints: EndpointFact[] = [];
  for (const scope of facts.scopes) {
    if (scope.kind !== 'function') continue;
    for (const decorator of scope.decorators) {
      const route = routeOf(decorator.expr, routers, fileFramework, input);
      if (!route) continue;
      input.claimed.add(scope.id);
      const audit =
        endpointAudit(scope, auditNames, facts) ??
        auditInArgs(decorator.expr as CallExpr, auditNames, facts) ??
        route.router?.audit;
      const typeNames = [
        ...scope.params.flatMap((param) => param.typeNames),
        ...returnTypeNames(facts, scope),
        ...(route.responseModel ? namesIn(route.responseModel) : []),
      ];
      const routePath = joinPaths(controllerPath(facts, scope), route.path);
      const evidence = assessPhi({ path: routePath, handlerScopeId: scope.id, typeNames, nameHints: [] }, facts, flow);
      endpoints.push(pythonEndpoint(scope, route.framework, route.methods, routePath, audit, evidence, facts, decorator.expr, auditNames));
      break;
    }
  }
  endpoints.push(...registeredRoutes(input, auditNames));
  return endpoints;
}

/** A Litestar `Controller`'s `path = "/visits"`, the prefix of its methods' routes. */
function controllerPath(facts: FileFacts, scope: ScopeFact): string {
  const parent = scope.parentId === undefined ? undefined : facts.scopes[scope.parentId];
  if (parent?.kind !== 'class') return '';
  const binding = bindingsIn(facts, parent.id).find((candidate) => candidate.name === 'path' && candidate.value.kind === 'string');
  return binding?.value.kind === 'string' ? binding.value.value : '';
}

const AIOHTTP_ADDERS: Record<string, HttpMethod> = {
  add_get: 'GET', add_post: 'POST', add_put: 'PUT', add_patch: 'PATCH', add_delete: 'DELETE', add_head: 'HEAD',
};

/**
 * aiohttp handlers registered by calls, in a file importing aiohttp: `web.get("/x", handler)`
 * (in `app.add_routes([...])`), `app.router.add_get("/x", handler)`, `add_route("GET", "/x",
 * handler)`. Reported at the handler's `def` when it is in this file (where the decorator goes).
 */
function registeredRoutes(input: FinderInput, auditNames: string[]): EndpointFact[] {
  const { facts, flow } = input;
  const aiohttp = input.frameworks.find((framework) => framework.id === 'aiohttp');
  if (!aiohttp || !facts.imports.some((fact) => isFrameworkModule(aiohttp, fact.module))) return [];
  const found: EndpointFact[] = [];
  for (const { call } of facts.calls) {
    const path = calleePath(call.callee);
    const name = path?.[path.length - 1] ?? '';
    let method: HttpMethod | undefined;
    let args = call.args;
    if (path?.length === 2 && path[0] === 'web' && METHOD_NAMES[name]) method = METHOD_NAMES[name];
    else if (AIOHTTP_ADDERS[name]) method = AIOHTTP_ADDERS[name];
    else if (name === 'add_route' && call.args[0]?.value.kind === 'string') {
      method = METHOD_NAMES[call.args[0].value.value.toLowerCase()] ?? 'ANY';
      args = call.args.slice(1);
    }
    const routeArg = args[0]?.value;
    const handlerArg = args[1]?.value;
    if (!method || routeArg?.kind !== 'string' || !routeArg.value.startsWith('/') || handlerArg?.kind !== 'name') continue;
    const scope = functionNamed(facts, handlerArg.name);
    if (!scope || input.claimed.has(scope.id)) continue;
    input.claimed.add(scope.id);
    const audit = endpointAudit(scope, auditNames, facts);
    const typeNames = [...scope.params.flatMap((param) => param.typeNames), ...returnTypeNames(facts, scope)];
    const evidence = assessPhi({ path: routeArg.value, handlerScopeId: scope.id, typeNames, nameHints: [] }, facts, flow);
    found.push(pythonEndpoint(scope, 'aiohttp', [method], routeArg.value, audit, evidence, facts, undefined, auditNames));
  }
  return found;
}

interface Route {
  framework: Framework;
  methods: HttpMethod[];
  path: string;
  router?: RouterInfo;
  responseModel?: Expr;
}

function routeOf(expr: Expr, routers: Map<string, RouterInfo>, fileFramework: Framework, input: FinderInput): Route | undefined {
  if (expr.kind !== 'call') return undefined;
  const path = calleePath(expr.callee);
  if (!path) return undefined;
  const bare = path.length === 1 ? bareRouteDecorator(path[0], input) : undefined;
  if (path.length < 2 && !bare) return undefined;
  const method = bare?.imported ?? path[path.length - 1];
  const receiver = path.slice(0, -1).join('.');
  const router = routers.get(receiver);
  let methods: HttpMethod[];
  let framework: Framework = bare?.framework ?? router?.framework ?? fileFramework;
  const namedBy =
    input.frameworks.find((candidate) => candidate.id === framework && candidate.routeDecorators?.includes(method)) ??
    input.frameworks.find((candidate) => candidate.routeDecorators?.includes(method));
  if (METHOD_NAMES[method]) methods = [METHOD_NAMES[method]];
  else if (namedBy) {
    if (!router && !bare) framework = namedBy.id;
    methods = methodsArgument(expr) ?? ['GET'];
  } else return undefined;
  const pathArg = expr.args.find((arg) => arg.name === 'path' || arg.name === 'rule') ?? expr.args.find((arg) => !arg.name);
  const routePath = pathArg && pathArg.value.kind === 'string' ? pathArg.value.value : undefined;
  // Without a literal path, only a known router's decorator counts (not `@cache.get(key)`).
  if (routePath === undefined && !router && !bare) return undefined;
  if (routePath !== undefined && !router && routePath !== '' && !routePath.startsWith('/')) return undefined;
  const responseModel = expr.args.find((arg) => arg.name === 'response_model')?.value;
  return { framework, methods, path: joinPaths(router?.prefix ?? '', routePath ?? ''), router, responseModel };
}

/** Module-level `router = APIRouter(prefix=...)`, `bp = Blueprint(..., url_prefix=...)` and their mounts. */
function collectRouters(input: FinderInput, auditNames: string[]): Map<string, RouterInfo> {
  const { facts } = input;
  const routers = new Map<string, RouterInfo>();
  for (const binding of facts.bindings) {
    if (binding.scopeId !== 0 || binding.kind !== 'assign' || binding.value.kind !== 'call') continue;
    const factory = lastName(binding.value.callee);
    const framework = factory ? factoryFramework(binding.value, factory, input) : undefined;
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
    // Django Ninja: `api.add_router("/clinic/", router)`.
    const ninja = name === 'add_router' && call.args[0]?.value.kind === 'string';
    if (name !== 'include_router' && name !== 'register_blueprint' && !ninja) continue;
    const target = ninja ? call.args[1]?.value : call.args.find((arg) => !arg.name)?.value;
    if (target?.kind !== 'name') continue;
    const router = routers.get(target.name);
    const mount = ninja ? call.args[0] : call.args.find((arg) => arg.name === 'prefix' || arg.name === 'url_prefix');
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

/**
 * The framework of a router factory: the one whose module it is imported from (`Blueprint` from
 * `quart`, `Router` from `ninja`, `web.RouteTableDef()` from `aiohttp`), else the first making it.
 */
function factoryFramework(call: CallExpr, factory: string, input: FinderInput): Framework | undefined {
  const makers = input.frameworks.filter((candidate) => candidate.factories?.includes(factory));
  const root = calleePath(call.callee)?.[0];
  const module = root === undefined ? undefined : importOf(input.facts, root)?.module;
  const imported = module === undefined ? undefined : makers.find((candidate) => isFrameworkModule(candidate, module));
  return (imported ?? makers[0])?.id;
}

/** `@get("/x")` imported from a framework's module (Litestar): the framework and the decorator's name there. */
function bareRouteDecorator(name: string, input: FinderInput): { framework: Framework; imported: string } | undefined {
  const imported = importOf(input.facts, name);
  if (!imported) return undefined;
  const framework = input.frameworks.find((candidate) => isFrameworkModule(candidate, imported.module));
  if (!framework || !(METHOD_NAMES[imported.imported] || framework.routeDecorators?.includes(imported.imported))) return undefined;
  return { framework: framework.id, imported: imported.imported };
}

/** `@router.get("/x", dependencies=[Depends(phi_access(...))])`. */
function auditInArgs(route: CallExpr, names: string[], facts: FileFacts): AuditControl | undefined {
  for (const arg of route.args) {
    const found = findAuditCall(arg.value, names);
    if (found) return readAuditControl(found, 'decorator', 'endpoint', facts);
  }
  return undefined;
}
