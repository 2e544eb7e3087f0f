// Routes registered by calls on an app or router (Express, Fastify, Hono, Koa: the frameworks of
// catalogues/frameworks.ts with `routes: 'route-calls'`): `app.get('/x', ...handlers)`,
// `router.route('/x').get(...).put(...)`, `app.use('/api', router)` mounts and router-wide
// `router.use(phiAccess(...))` within a file. A route's framework is its app's or router's: the
// module its factory comes from (`new Router()` from `@koa/router` is Koa's), else the factory's
// name, else the framework the file imports.

import { isFrameworkModule, type Framework } from '../../catalogues/frameworks';
import type { AuditControl, AuditPlacement, EndpointFact, HttpMethod } from '../../model/endpoints';
import { calleePath } from '../../model/expressions';
import type { Argument, CallExpr, Expr, FileFacts, ScopeFact } from '../../model/facts';
import { bindingsNamed, functionNamed, functionWithin, importOf } from '../../model/facts-index';
import type { Range } from '../../model/ranges';
import { lineIndent, offsetOf } from '../../model/text';
import { tokenize } from '../phi/identifiers';
import { findAuditCall, isAuditExpr, lastNameOf, readAuditControl } from './audit-control';
import { endpointFact, frameworkOfFile, type FinderInput } from './finder';
import { joinPaths } from './resources';
import { returnTypeNames } from './signature';
import { assessPhi } from './evidence-memo';
import { keyedToPatient } from './totals-only';

const EXPRESS_METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', head: 'HEAD', options: 'OPTIONS', all: 'ANY',
};
const ROUTER_NAME_TOKENS = new Set(['app', 'router', 'routes', 'routers', 'server', 'api', 'fastify']);
/** Fastify route options whose hooks run before the handler (where an audit control sits). */
const FASTIFY_HOOKS = ['preHandler', 'onRequest', 'preValidation', 'preParsing'];

interface Router {
  prefix: string;
  /** `router.use(phiAccess(...))`: applies to the routes registered after `offset`. */
  audits: { offset: number; audit: AuditControl }[];
}

export function findRouteCalls(input: FinderInput): EndpointFact[] {
  const { facts, flow, policy } = input;
  const auditNames = [policy.audit.typescript.middleware || 'phiAccess', policy.audit.typescript.decorator || 'PhiAccess'];
  const fileFramework = frameworkOfFile(input);
  const routers = new Map<string, Router>();
  const routerOf = (name: string): Router => {
    let router = routers.get(name);
    if (!router) routers.set(name, (router = { prefix: '', audits: [] }));
    return router;
  };
  /** Apps and routers made by a factory, by the name bound to them: the framework they belong to. */
  const declared = new Map<string, Framework>();
  for (const binding of facts.bindings) {
    if (binding.kind !== 'assign' || binding.value.kind !== 'call' || declared.has(binding.name)) continue;
    const required = requiredFramework(binding.value, input);
    if (required) {
      declared.set(binding.name, required);
      continue;
    }
    const factory = lastNameOf(binding.value.callee);
    const byFactory = factory ? input.frameworks.find((framework) => framework.factories?.includes(factory)) : undefined;
    if (byFactory) declared.set(binding.name, frameworkOfFactory(binding.value, facts, input) ?? byFactory.id);
    // Koa: `new Router({ prefix: '/api' })`.
    const options = binding.value.args[0]?.value;
    const prefix = options?.kind === 'object' ? options.entries.find((entry) => entry.key === 'prefix')?.value : undefined;
    if (byFactory && prefix?.kind === 'string') routerOf(binding.name).prefix = prefix.value;
  }
  const isRouter = (receiver: string[]): boolean => {
    const name = receiver.join('.');
    if (declared.has(name)) return true;
    const last = receiver[receiver.length - 1];
    if (!last || receiver.length > 2) return false;
    const tokens = tokenize(last);
    return ROUTER_NAME_TOKENS.has(tokens[tokens.length - 1] ?? '') && !(tokens.length === 1 && tokens[0] === 'api');
  };

  // Mounts and router-wide middleware: `app.use('/api', phiAccess(...), router)`, `router.use(phiAccess(...))`.
  // Hono mounts a sub-app with `app.route('/patients', patients)`.
  const isHonoMount = (call: CallExpr) => call.callee.kind === 'member' && call.callee.property === 'route' && call.args.length === 2 && call.args[1].value.kind === 'name';
  const uses = facts.calls.filter(({ call }) => (call.callee.kind === 'member' && call.callee.property === 'use') || isHonoMount(call));
  for (let pass = 0; pass < 3; pass++) {
    for (const { call } of uses) {
      const receiver = calleePath(call.callee)?.slice(0, -1);
      if (!receiver || !isRouter(receiver)) continue;
      const mount = call.args[0]?.value.kind === 'string' ? call.args[0].value.value : undefined;
      const rest = mount === undefined ? call.args : call.args.slice(1);
      const auditCall = rest.map((arg) => resolveAudit(arg.value, auditNames, facts)).find(Boolean);
      const mounted = rest.filter((arg) => arg.value.kind === 'name' && (declared.has(arg.value.name) || routers.has(arg.value.name)));
      const parent = routerOf(receiver.join('.'));
      for (const arg of mounted) {
        const child = routerOf((arg.value as Expr & { kind: 'name' }).name);
        child.prefix = joinPaths(parent.prefix, mount ?? '', '');
        if (child.prefix === '/') child.prefix = '';
        if (auditCall && pass === 0) child.audits.push({ offset: 0, audit: readAuditControl(auditCall, 'middleware', 'router', facts) });
      }
      if (!mounted.length && auditCall && pass === 0 && mount === undefined) {
        parent.audits.push({ offset: offsetOf(facts.lineStarts, facts.text, call.range.start), audit: readAuditControl(auditCall, 'middleware', 'router', facts) });
      }
    }
  }

  const endpoints: EndpointFact[] = [];
  for (const fact of facts.calls) {
    const { call } = fact;
    if (call.callee.kind !== 'member') continue;
    const method = EXPRESS_METHODS[call.callee.property];
    const route = method ? routeTarget(call, isRouter) : fastifyRouteTarget(call, isRouter);
    if (!route) continue;
    const methods = route.methods ?? [method];
    let handlerArg: Argument | undefined = route.handler ?? route.args[route.args.length - 1];
    if (!handlerArg || handlerArg.spread) continue;
    let middlewares: Expr[] = route.args.slice(0, -1).map((arg) => arg.value);
    // `router.get('/x', [auth, validate, handler])`: the handler is the array's last item.
    if (handlerArg.value.kind === 'array' && handlerArg.value.items.length) {
      const items = handlerArg.value.items;
      middlewares = [...middlewares, ...items.slice(0, -1)];
      handlerArg = { value: items[items.length - 1], range: items[items.length - 1].range };
    }
    const options = route.options ?? middlewares.find((expr): expr is Expr & { kind: 'object' } => expr.kind === 'object');
    if (options) middlewares = [...middlewares, ...hookValues(options)];
    const router = routers.get(route.receiver);
    const offset = offsetOf(facts.lineStarts, facts.text, call.range.start);
    const auditCall = middlewares.map((expr) => resolveAudit(expr, auditNames, facts)).find(Boolean);
    const audit = auditCall
      ? readAuditControl(auditCall, 'middleware', 'endpoint', facts)
      : router?.audits.filter((entry) => entry.offset <= offset).pop()?.audit;
    const handler = resolveHandler(handlerArg, fact.scopeId, facts);
    if (!handler.scope && !handler.named) continue;
    const fullPath = joinPaths(router?.prefix ?? '', route.path);
    const typeNames = handler.scope ? [...handler.scope.params.flatMap((p) => p.typeNames), ...returnTypeNames(facts, handler.scope)] : [];
    // A handler in another file that only answers "not implemented" serves nothing yet; one that
    // reads only totals, or tables of kinds for no one patient, or answers with totals only,
    // serves no patient (totals-only.ts, totals-response.ts).
    const behind = handler.scope ? undefined : flow.hooks.storeReadsBehind?.(handlerArg.value, fact.scopeId);
    const stub = !handler.scope && (!!flow.hooks.notImplementedBehind?.(handlerArg.value, fact.scopeId) || !!flow.hooks.totalsResponseBehind?.(handlerArg.value, fact.scopeId) || (!!(behind?.totals || behind?.reference || behind?.fieldless) && !behind.records && !(behind.reference && keyedToPatient(fullPath))));
    const evidence = stub
      ? { touchesPhi: false, categories: [], why: [] }
      : assessPhi({ path: fullPath, handlerScopeId: handler.scope?.id, typeNames, nameHints: handler.scope ? [] : [handler.name] }, facts, flow);
    const start = call.range.start;
    // `fastify.route({...})` and a receiver named `fastify` are Fastify's whatever the file imports.
    const framework = declared.get(route.receiver) ?? (route.methods || route.receiver === 'fastify' ? 'fastify' : fileFramework);
    const end = handler.named ? handler.nameRange.end : route.pathEnd;
    const placement: AuditPlacement =
      framework === 'fastify' ? fastifyPlacement(options, handlerArg, facts) : { kind: 'express-middleware', position: handlerArg.range.start };
    endpoints.push(endpointFact({ framework, methods, path: fullPath, handler: { name: handler.name, range: handler.nameRange }, start, end, audit, placement }, evidence));
  }
  return endpoints;
}

/** The framework whose module the factory's root name comes from (`express` in `express.Router()`, `Router` from `@koa/router`). */
function frameworkOfFactory(call: CallExpr, facts: FileFacts, input: FinderInput): Framework | undefined {
  const root = calleePath(call.callee)?.[0];
  const module = root === undefined ? undefined : importOf(facts, root)?.module;
  return module === undefined ? undefined : input.frameworks.find((framework) => isFrameworkModule(framework, module))?.id;
}

interface RouteTarget {
  receiver: string;
  path: string;
  /** Middleware and handler arguments. */
  args: Argument[];
  pathEnd: Range['end'];
  /** Fastify's `route({ method, url, handler })`: the methods, handler and options written there. */
  methods?: HttpMethod[];
  handler?: Argument;
  options?: Expr & { kind: 'object' };
}

/** `require('fastify')()`, `require('express')()`: the framework of the required module. */
function requiredFramework(call: CallExpr, input: FinderInput): Framework | undefined {
  const inner = call.callee;
  if (inner.kind !== 'call' || lastNameOf(inner.callee) !== 'require') return undefined;
  const module = inner.args[0]?.value;
  return module?.kind === 'string' ? input.frameworks.find((framework) => isFrameworkModule(framework, module.value))?.id : undefined;
}

/** Fastify's full declaration: `fastify.route({ method: 'GET', url: '/x', preHandler, handler })`. */
function fastifyRouteTarget(call: CallExpr, isRouter: (receiver: string[]) => boolean): RouteTarget | undefined {
  if (call.callee.kind !== 'member' || call.callee.property !== 'route' || call.args.length !== 1) return undefined;
  const options = call.args[0].value;
  const receiver = calleePath(call.callee.object);
  if (options.kind !== 'object' || !receiver || !isRouter(receiver)) return undefined;
  const entry = (key: string) => options.entries.find((candidate) => candidate.key === key);
  const url = entry('url') ?? entry('path');
  const handler = entry('handler');
  if (!url || !isPathLiteral(url.value) || !handler) return undefined;
  const methodValue = entry('method')?.value;
  const names = methodValue?.kind === 'string' ? [methodValue.value] : methodValue?.kind === 'array' ? methodValue.items.flatMap((item) => (item.kind === 'string' ? [item.value] : [])) : [];
  const methods = names.map((name) => EXPRESS_METHODS[name.toLowerCase()]).filter((method): method is HttpMethod => !!method);
  return {
    receiver: receiver.join('.'),
    path: pathValue(url.value),
    args: [],
    pathEnd: url.value.range.end,
    methods: methods.length ? methods : ['ANY'],
    handler: { value: handler.value, range: handler.value.range },
    options,
  };
}

/** The hooks of a Fastify options object (`{ preHandler: [auth, phiAccess(...)] }`). */
function hookValues(options: Expr & { kind: 'object' }): Expr[] {
  return options.entries.filter((entry) => entry.key && FASTIFY_HOOKS.includes(entry.key)).map((entry) => entry.value);
}

/** Where the Fastify fix puts `preHandler: phiAccess(...)`: the options object, its preHandler, or a new object. */
function fastifyPlacement(options: (Expr & { kind: 'object' }) | undefined, handlerArg: Argument, facts: FileFacts): AuditPlacement {
  const preHandler = options?.entries.find((entry) => entry.key === 'preHandler');
  const first = options?.entries[0];
  const firstEntry = first && {
    position: first.range.start,
    indent: lineIndent(facts.text, facts.lineStarts, first.range.start.line),
    ownLine: first.range.start.line !== options.range.start.line,
  };
  return {
    kind: 'fastify-option',
    options: options ? { range: options.range, empty: options.entries.length === 0, firstEntry } : undefined,
    preHandler: preHandler
      ? { range: preHandler.value.range, array: preHandler.value.kind === 'array', empty: preHandler.value.kind === 'array' && !preHandler.value.items.length }
      : undefined,
    handlerStart: handlerArg.range.start,
  };
}

/** `router.get('/x', ...)` or the `.get(...)` of `router.route('/x').get(...).put(...)`. */
function routeTarget(call: CallExpr, isRouter: (receiver: string[]) => boolean): RouteTarget | undefined {
  if (call.callee.kind !== 'member') return undefined;
  let object: Expr = call.callee.object;
  while (object.kind === 'call' && object.callee.kind === 'member' && EXPRESS_METHODS[object.callee.property]) object = object.callee.object;
  if (object.kind === 'call' && object.callee.kind === 'member' && object.callee.property === 'route') {
    const receiver = calleePath(object.callee.object);
    const pathArg = object.args[0]?.value;
    if (!receiver || !isRouter(receiver) || !pathArg || !isPathLiteral(pathArg)) return undefined;
    return { receiver: receiver.join('.'), path: pathValue(pathArg), args: call.args, pathEnd: pathArg.range.end };
  }
  if (object !== call.callee.object) return undefined;
  const receiver = calleePath(object);
  const pathArg = call.args[0]?.value;
  if (!receiver || !isRouter(receiver) || !pathArg || !isPathLiteral(pathArg) || call.args.length < 2) return undefined;
  return { receiver: receiver.join('.'), path: pathValue(pathArg), args: call.args.slice(1), pathEnd: pathArg.range.end };
}

function isPathLiteral(expr: Expr): boolean {
  return (expr.kind === 'string' && (expr.value.startsWith('/') || expr.value === '*')) || (expr.kind === 'template' && 'text' in expr.parts[0] && expr.parts[0].text.startsWith('/'));
}

function pathValue(expr: Expr): string {
  if (expr.kind === 'string') return expr.value;
  if (expr.kind === 'template') return expr.parts.map((part) => ('text' in part ? part.text : ':param')).join('');
  return '';
}

/** An audit middleware argument: the call itself, inside an array, or a variable bound to one. */
function resolveAudit(expr: Expr, names: string[], facts: FileFacts): Expr | undefined {
  if (expr.kind === 'call' && isAuditExpr(expr, names)) return expr;
  if (expr.kind === 'array') return findAuditCall(expr, names);
  if (expr.kind === 'name') {
    const binding = bindingsNamed(facts, expr.name).find((b) => b.kind === 'assign' && b.value.kind === 'call' && isAuditExpr(b.value, names));
    return binding?.value;
  }
  return undefined;
}

interface HandlerInfo {
  name: string;
  nameRange: Range;
  named: boolean;
  scope?: ScopeFact;
}

function resolveHandler(arg: Argument, scopeId: number, facts: FileFacts): HandlerInfo {
  const expr = arg.value;
  if (expr.kind === 'name' || expr.kind === 'member') {
    const name = expr.kind === 'name' ? expr.name : expr.property;
    const scope = functionNamed(facts, name);
    return { name, nameRange: expr.kind === 'name' ? expr.range : expr.propertyRange, named: true, scope };
  }
  // An inline function, possibly wrapped (`asyncHandler(async (req, res) => ...)`).
  const scope = functionWithin(facts, scopeId, arg.range);
  if (!scope) return { name: '<anonymous>', nameRange: arg.range, named: false };
  return scope.name && scope.nameRange && within(scope.nameRange, arg.range)
    ? { name: scope.name, nameRange: scope.nameRange, named: true, scope }
    : { name: '<anonymous>', nameRange: arg.range, named: false, scope };
}

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

