// The TypeScript/JavaScript audit controls a project already has (docs/policy.md,
// `audit.typescript`), found at the level where they sit: middleware on the route
// (`app.get(p, auditPatientAccess, h)`, Fastify `{ preHandler: ... }`), on its router or app before
// the route (`router.use(...)`, `app.use(...)`, `fastify.addHook('preHandler', ...)`), NestJS
// `@UseGuards(...)` / `@UseInterceptors(...)` on the method or the controller, a Next.js wrapper
// around the handler (`export const GET = withPhiAccess({...}, handler)`), an audit call inside the
// handler. Global NestJS guards are in the workspace's audit context (existing-controls.ts).

import type { AuditControl, EndpointFact } from '../../../model/endpoints';
import { calleePath } from '../../../model/expressions';
import type { CallExpr, Expr, FileFacts, ScopeFact } from '../../../model/facts';
import { bindingsIn } from '../../../model/facts-index';
import type { TypeScriptAuditPolicy } from '../../../model/policy';
import { offsetOf } from '../../../model/text';
import { readAuditControl } from '../audit-control';
import { auditCallIn, type AuditCallBehind } from './audit-calls';
import { namesInList, namesOne } from './names';
import { sameRange, within } from '../../../model/ranges';

/** Route options and hooks that run before the handler (Fastify, and `middleware` arrays of some routers). */
const HOOK_KEYS = new Set(['preHandler', 'onRequest', 'preValidation', 'preParsing', 'beforeHandler', 'middleware', 'middlewares']);
const NEST_DECORATORS = new Set(['UseGuards', 'UseInterceptors']);
const APP_FACTORIES = new Set(['express', 'fastify', 'Fastify', 'Koa', 'Hono', 'createServer']);

/** The call registering this handler: in `router.route('/x').get(h1).put(h2)` every call starts at `router`. */
function registrationOf(facts: FileFacts, endpoint: EndpointFact): CallExpr | undefined {
  return facts.calls.find(
    ({ call }) =>
      call.callee.kind === 'member' &&
      samePosition(call.range.start, endpoint.range.start) &&
      call.args.some((arg) => within(endpoint.handler.range, arg.range) || within(arg.range, endpoint.handler.range)),
  )?.call;
}

/** The app or router a route is registered on (`encountersRouter` of `encountersRouter.get(...)`). */
export function routeReceiver(facts: FileFacts, endpoint: EndpointFact): string | undefined {
  const registration = registrationOf(facts, endpoint);
  return registration ? registrationReceiver(registration) : undefined;
}

export function typescriptControl(
  facts: FileFacts,
  endpoint: EndpointFact,
  scope: ScopeFact | undefined,
  audit: TypeScriptAuditPolicy,
  behind?: AuditCallBehind,
  throughFactory?: AuditCallBehind,
): AuditControl | undefined {
  const middleware = [audit.middleware, ...(audit.otherMiddleware ?? [])].filter(Boolean);
  const registration = registrationOf(facts, endpoint);
  if (registration) {
    const own = routeMiddleware(facts, registration, endpoint, middleware, audit.middleware);
    if (own) return own;
  }
  const nest = scope ? nestControl(facts, scope, audit.guards ?? []) : undefined;
  if (nest) return nest;
  const wrapped = wrapperControl(facts, endpoint, audit.wrappers ?? []);
  if (wrapped) return wrapped;
  const called = scope?.kind === 'function' ? auditCallIn(facts, scope, audit.calls ?? [], behind) : undefined;
  if (called) return called;
  const delegated = registration && behind ? delegatedAuditCall(facts, registration, audit.calls ?? [], behind, throughFactory) : undefined;
  if (delegated) return delegated;
  const delegatedTo = behind ? { names: audit.calls ?? [], behind, throughFactory } : undefined;
  return registration ? routerMiddleware(facts, registration, endpoint, middleware, audit.middleware, delegatedTo) : undefined;
}

/** Middleware in the route's own arguments, before the handler: `app.get(p, auditPatientAccess, h)`, `{ preHandler: [...] }`. */
function routeMiddleware(facts: FileFacts, registration: CallExpr, endpoint: EndpointFact, names: readonly string[], primary: string): AuditControl | undefined {
  for (const arg of registration.args) {
    const holdsHandler = within(endpoint.handler.range, arg.range);
    // `fastify.route({ url, preHandler: [...], handler })`: only the object's hook options count.
    if (holdsHandler && arg.value.kind !== 'object') break;
    const found = middlewareIn(arg.value, names);
    if (found) return middlewareControl(facts, found.expr, found.name, primary, 'endpoint');
    if (holdsHandler) break;
  }
  return undefined;
}

/**
 * A workspace function the route runs, written by reference (`requireAppointmentAccess`,
 * `controller.createAppointment`), that makes an audit call the policy names, itself or through
 * the functions it calls: the middleware or controller audits the access. A middleware made by a
 * factory (`requireClientAccess('clientId')`) counts when a workspace function it calls does.
 */
function delegatedAuditCall(facts: FileFacts, registration: CallExpr, names: readonly string[], behind: AuditCallBehind, throughFactory?: AuditCallBehind): AuditControl | undefined {
  const scopeId = facts.calls.find(({ call }) => call === registration)?.scopeId ?? 0;
  for (const arg of registration.args) {
    const items = arg.value.kind === 'array' ? arg.value.items : [arg.value];
    for (const item of items) {
      const name = auditedBehind(item, scopeId, names, behind, throughFactory);
      if (name) return { kind: 'call', name, level: 'endpoint', range: item.range, existing: true };
    }
  }
  return undefined;
}

/** The audit call a middleware written by reference makes behind it, or (`requireClientAccess('clientId')`) the one its factory's middleware makes. */
function auditedBehind(item: Expr, scopeId: number, names: readonly string[], behind: AuditCallBehind, throughFactory?: AuditCallBehind): string | undefined {
  if (item.kind === 'name' || item.kind === 'member') return behind(item, scopeId, names);
  return item.kind === 'call' && throughFactory ? throughFactory(item.callee, scopeId, names) : undefined;
}

/** `router.use(mw)` / `app.addHook('preHandler', mw)` on the route's receiver, or on an app or router that mounts it, before. */
function routerMiddleware(
  facts: FileFacts,
  registration: CallExpr,
  endpoint: EndpointFact,
  names: readonly string[],
  primary: string,
  delegatedTo?: { names: readonly string[]; behind: AuditCallBehind; throughFactory?: AuditCallBehind },
): AuditControl | undefined {
  const receiver = registrationReceiver(registration);
  if (!receiver) return undefined;
  const routeOffset = offsetOf(facts.lineStarts, facts.text, registration.range.start);
  // The receiver itself until the route, then whatever mounts it until the mount (one level up is enough in one file).
  const owners: { name: string; until: number }[] = [{ name: receiver, until: routeOffset }];
  for (const { call } of facts.calls) {
    const path = calleePath(call.callee);
    if (!path || path.length < 2 || !['use', 'route', 'register'].includes(path[path.length - 1])) continue;
    if (call.args.some((arg) => arg.value.kind === 'name' && arg.value.name === receiver)) {
      owners.push({ name: path.slice(0, -1).join('.'), until: offsetOf(facts.lineStarts, facts.text, call.range.start) });
    }
  }
  for (const owner of owners) {
    for (const { call } of facts.calls) {
      const path = calleePath(call.callee);
      if (!path || path.length < 2 || path.slice(0, -1).join('.') !== owner.name) continue;
      const method = path[path.length - 1];
      if (method !== 'use' && method !== 'addHook') continue;
      if (offsetOf(facts.lineStarts, facts.text, call.range.start) > owner.until) continue;
      let args = call.args;
      if (method === 'addHook') {
        const hook = args[0]?.value;
        if (hook?.kind !== 'string' || !HOOK_KEYS.has(hook.value)) continue;
        args = args.slice(1);
      } else if (args[0]?.value.kind === 'string') {
        // `app.use('/patients', mw)`: only for the routes under that path.
        const prefix = args[0].value.value.replace(/\/?\*$/, '');
        if (owner.name === receiver && prefix && !endpoint.path.startsWith(prefix)) continue;
        args = args.slice(1);
      }
      const level = isApp(facts, owner.name) ? 'app' : 'router';
      for (const arg of args) {
        const found = middlewareIn(arg.value, names);
        if (found) return middlewareControl(facts, found.expr, found.name, primary, level);
      }
      // `router.use('/:clientId', requireClientAccess('clientId'))` whose access check writes the audit row.
      if (!delegatedTo?.names.length) continue;
      const scopeId = facts.calls.find((entry) => entry.call === call)?.scopeId ?? 0;
      for (const item of args.flatMap((arg) => (arg.value.kind === 'array' ? arg.value.items : [arg.value]))) {
        const name = auditedBehind(item, scopeId, delegatedTo.names, delegatedTo.behind, delegatedTo.throughFactory);
        if (name) return { kind: 'call', name, level, range: item.range, existing: true };
      }
    }
  }
  return undefined;
}

function registrationReceiver(registration: CallExpr): string | undefined {
  let object: Expr = registration.callee.kind === 'member' ? registration.callee.object : registration.callee;
  // `router.route('/x').get(...)`: the router.
  while (object.kind === 'call' && object.callee.kind === 'member') object = object.callee.object;
  return calleePath(object)?.join('.');
}

function isApp(facts: FileFacts, name: string): boolean {
  return bindingsIn(facts, 0).some((binding) => {
    if (binding.name !== name || binding.value.kind !== 'call') return false;
    const factory = calleePath(binding.value.callee)?.pop() ?? '';
    return APP_FACTORIES.has(factory);
  });
}

/** A middleware the policy names: the argument itself, an array item, or a hook option's value. */
function middlewareIn(expr: Expr, names: readonly string[], depth = 0): { expr: Expr; name: string } | undefined {
  if (depth > 4) return undefined;
  if (expr.kind === 'name' || expr.kind === 'member' || expr.kind === 'call') {
    const name = namesOne(expr, names);
    return name ? { expr, name } : undefined;
  }
  if (expr.kind === 'array') {
    for (const item of expr.items) {
      const found = middlewareIn(item, names, depth + 1);
      if (found) return found;
    }
  }
  if (expr.kind === 'object') {
    for (const entry of expr.entries) {
      if (!entry.key || !HOOK_KEYS.has(entry.key)) continue;
      const found = middlewareIn(entry.value, names, depth + 1);
      if (found) return found;
    }
  }
  if (expr.kind === 'other') {
    for (const child of expr.children) {
      const found = middlewareIn(child, names, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The policy's own middleware keeps today's checks; another name it lists is checked on what is written only. */
function middlewareControl(facts: FileFacts, expr: Expr, name: string, primary: string, level: AuditControl['level']): AuditControl {
  const existing = name !== primary;
  const control = expr.kind === 'call' ? readAuditControl(expr, 'middleware', level, facts) : { kind: 'middleware' as const, name, level, range: expr.range };
  if (!existing) {
    if (expr.kind !== 'call') control.insertion = { style: 'replace', range: expr.range };
    return control;
  }
  if (control.insertion?.style === 'replace') delete control.insertion;
  return { ...control, existing: true };
}

/** `@UseGuards(PhiAuditGuard)` / `@UseInterceptors(...)` on the method, else on its controller class. */
function nestControl(facts: FileFacts, scope: ScopeFact, names: readonly string[]): AuditControl | undefined {
  if (!names.length) return undefined;
  const method = nestDecorated(scope, names);
  if (method) return { ...method, level: 'endpoint' };
  const parent = facts.scopes.find((candidate) => candidate.id === scope.parentId);
  const owner = parent?.kind === 'class' ? parent : scope.kind === 'class' ? scope : undefined;
  const found = owner ? nestDecorated(owner, names) : undefined;
  return found ? { ...found, level: 'class' } : undefined;
}

function nestDecorated(scope: ScopeFact, names: readonly string[]): AuditControl | undefined {
  for (const decorator of scope.decorators) {
    if (decorator.expr.kind !== 'call' || !NEST_DECORATORS.has(calleePath(decorator.expr.callee)?.pop() ?? '')) continue;
    for (const arg of decorator.expr.args) {
      for (const item of namesInList(arg.value)) {
        // `@UseGuards(new PhiAuditGuard())` or `@UseGuards(PhiAuditGuard)`.
        const name = namesOne(item, names);
        if (name) return { kind: 'guard', name, level: 'endpoint', range: item.range, existing: true };
      }
    }
  }
  return undefined;
}

/**
 * `export const GET = withPhiAccess({...}, handler)`, `export default withPhiAccess(handler)`: a
 * wrapper call that holds the handler, names it, or is bound to the handler's name.
 */
function wrapperControl(facts: FileFacts, endpoint: EndpointFact, names: readonly string[]): AuditControl | undefined {
  if (!names.length) return undefined;
  const handlerName = endpoint.handler.name.split('.').pop() ?? '';
  const boundTo = new Map<CallExpr, string>();
  for (const binding of bindingsIn(facts, 0)) if (binding.value.kind === 'call') boundTo.set(binding.value, binding.name);
  for (const { call } of facts.calls) {
    const name = namesOne(call.callee, names);
    if (!name) continue;
    const holds =
      within(endpoint.handler.range, call.range) ||
      sameRange(call.range, endpoint.range) ||
      call.args.some((arg) => arg.value.kind === 'name' && arg.value.name === handlerName) ||
      boundTo.get(call) === handlerName ||
      [...boundTo.entries()].some(([outer, bound]) => bound === handlerName && within(call.range, outer.range));
    if (!holds) continue;
    // Only an options object says what the wrapper audits; the handler argument is not an action.
    const hasOptions = call.args.some((arg) => !arg.name && arg.value.kind === 'object');
    const control = hasOptions ? readAuditControl(call, 'wrapper', 'endpoint', facts) : { kind: 'wrapper' as const, name, level: 'endpoint' as const, range: call.range };
    if (control.insertion?.style === 'replace') delete control.insertion;
    return { ...control, name, existing: true };
  }
  return undefined;
}

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}
