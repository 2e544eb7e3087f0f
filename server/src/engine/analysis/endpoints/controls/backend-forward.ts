// A Next.js route handler that only forwards the request to the project's own back end
// (`fetch(\`${API_URL}/fhir/R4/Basic/${id}\`)`, the base URL from the environment) touches
// patient data only through that back end's route: when the back end is in the workspace and the
// route the forward reaches is covered by the project's audit middleware (named in the policy),
// the access is audited there, and the handler is covered by it (docs/rules/missing-phi-access.md).
//
// Matched conservatively, so that a forward to a third-party server (a FHIR server, a vendor) is
// never taken for one to the project's own back end:
// - every HTTP call the handler makes (itself, or through the functions of its own file it calls)
//   is a forward: its URL is a base URL read from the environment (`process.env.API_URL`, with at
//   most a local fallback such as `http://localhost:8000`) followed by a path;
// - the path's leading literal segments are under the path of a router the back end mounts
//   (`app.use('/fhir/R4', fhirRoutes)`) after the audit middleware is `use`d on the app (or in the
//   mounting call); a path that starts with a parameter, or under no such mount, is not matched;
// - the handler reads no data store, writes no SQL, calls no function of the workspace that reads
//   a store or fetches, none named for a patient-like resource (`PatientService.getVisit` may use a
//   client of its own), and no client method that reads or writes resources itself (a FHIR
//   client's `searchResources`): the forward is its only way to the data.

import * as path from 'node:path';
import type { ExpressUse, ProjectAuditContext } from '../../../model/audit-context';
import type { AuditControl, EndpointFact } from '../../../model/endpoints';
import { calleePath } from '../../../model/expressions';
import type { Expr, FileFacts, TemplatePart } from '../../../model/facts';
import { bindingsNamed, callsIn, functionNamed, importOf, scopeChain, scopeTree } from '../../../model/facts-index';
import { tokenize } from '../../phi/identifiers';
import { callsOverHttp, usesRecordStore } from '../data-store-calls';
import { resourcesOf } from '../resources';
import { isSqlStatement, sqlTexts } from '../sql-tables';
import type { ControlsInput } from './context-controls';
import { handlerScope, lastSegment } from './names';

/** A fallback base URL that is the developer's own machine, not another party's server. */
const LOCAL_URL = /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(:\d+)?\/?$/;

/** Client methods that read or write records themselves (a FHIR or API client's), beside the forward. */
const RESOURCE_METHODS = new Set(['search', 'searchone', 'read', 'vread', 'create', 'update', 'patch', 'history', 'graphql', 'executebatch']);

/** The audit middleware of the back end the handler forwards to, when every forward reaches a route it covers. */
export function forwardedToAuditedBackend(endpoint: EndpointFact, input: ControlsInput): AuditControl | undefined {
  if (endpoint.framework !== 'nextjs' || !input.auditContext?.expressUses?.length) return undefined;
  const dataUseBehind = input.flow?.hooks.dataUseBehind?.bind(input.flow.hooks);
  const scope = handlerScope(input.facts, endpoint);
  if (!dataUseBehind || scope?.kind !== 'function') return undefined;
  const policy = input.policy.audit.typescript;
  const names = [policy.middleware, ...(policy.otherMiddleware ?? [])].filter(Boolean).map(lastSegment);
  if (!names.length) return undefined;
  const { facts } = input;
  const scopes = reachedInFile(facts, scope.id);
  if (sqlTexts(facts, scopes).some(isSqlStatement)) return undefined;
  const forwards: string[][] = [];
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) {
      const callee = calleePath(call.callee) ?? [];
      if (callee.length === 1 && ownFunction(facts, callee[0])) continue;
      if (callsOverHttp(callee) && !isParameter(facts, callee[0], scopeId)) {
        const forwarded = call.args[0] && forwardedPath(facts, call.args[0].value, scopeId);
        if (!forwarded) return undefined;
        forwards.push(forwarded);
        continue;
      }
      if (usesRecordStore(callee)) return undefined;
      const last = callee[callee.length - 1]?.toLowerCase() ?? '';
      if (RESOURCE_METHODS.has(last) || tokenize(callee[callee.length - 1] ?? '').some((token) => token === 'resource' || token === 'resources')) return undefined;
      const behind = dataUseBehind(call.callee, scopeId);
      if (behind && (behind.usesStore || behind.fetches || behind.sendsToAi)) return undefined;
      const projectCall = !!behind || (callee.length > 0 && isProjectModule(importOf(facts, callee[0])?.module));
      // A function of the project's own modules that the workspace index cannot see into does what is unknown;
      // one named for a patient-like resource (`PatientService.getVisit`) may reach the records by a client of its own.
      if (projectCall && (!behind || callee.some((segment) => resourcesOf(segment).length > 0))) return undefined;
    }
  }
  if (!forwards.length) return undefined;
  let covering: string | undefined;
  for (const forwarded of forwards) {
    covering = auditedMountOver(forwarded, input.auditContext, names);
    if (!covering) return undefined;
  }
  return { kind: 'middleware', name: covering!, level: 'app', range: endpoint.range, existing: true };
}

/** The handler's scopes and those of the functions of its own file it calls, at any depth. */
function reachedInFile(facts: FileFacts, rootId: number): Set<number> {
  const scopes = new Set<number>();
  const pending = [rootId];
  while (pending.length) {
    for (const id of scopeTree(facts, pending.pop()!)) {
      if (scopes.has(id)) continue;
      scopes.add(id);
      for (const { call } of callsIn(facts, id)) {
        const callee = calleePath(call.callee);
        const own = callee?.length === 1 ? ownFunction(facts, callee[0]) : undefined;
        if (own && !scopes.has(own)) pending.push(own);
      }
    }
  }
  return scopes;
}

/** `request.json()` in `GET(request)`: the handler's own request, not an HTTP client named `request`. */
function isParameter(facts: FileFacts, name: string, scopeId: number): boolean {
  return scopeChain(facts, scopeId).some((scope) => scope.params.some((param) => param.name === name));
}

/** A function declared at the top of this file under `name`. */
function ownFunction(facts: FileFacts, name: string): number | undefined {
  const scope = functionNamed(facts, name);
  return scope && scope.kind === 'function' && scope.parentId === 0 ? scope.id : undefined;
}

/** `./lib/api`, `@/services/patients`, `~/x`: a module of the project (a package's name has neither). */
function isProjectModule(module: string | undefined): boolean {
  return !!module && /^(\.{1,2}\/|[@~#]\/)/.test(module);
}

/**
 * The path a forward's URL reaches on the back end, as its segments (a parameter as `:`), when
 * the URL is an environment base URL followed by a path; the URL may be bound to a name first.
 */
function forwardedPath(facts: FileFacts, url: Expr, scopeId: number): string[] | undefined {
  const parts = urlParts(facts, url, scopeId, 0);
  if (!parts || parts.length < 2) return undefined;
  const [base, ...rest] = parts;
  if (!('expr' in base) || !isEnvironmentBase(facts, base.expr, scopeId, 0)) return undefined;
  const first = rest[0];
  if (!('text' in first) || !first.text.startsWith('/')) return undefined;
  const written = rest.map((part) => ('text' in part ? part.text : ':')).join('');
  return written.split(/[?#]/)[0].split('/').filter(Boolean);
}

/** A URL as literal texts and the expressions between them (template literal or `+`), through one local name. */
function urlParts(facts: FileFacts, expr: Expr, scopeId: number, depth: number): TemplatePart[] | undefined {
  if (depth > 3) return undefined;
  if (expr.kind === 'other' && expr.children.length === 1) return urlParts(facts, expr.children[0], scopeId, depth + 1);
  if (expr.kind === 'template') return expr.parts;
  if (expr.kind === 'string') return [{ text: expr.value }];
  if (expr.kind === 'binary' && expr.operator === '+') {
    const left = urlParts(facts, expr.left, scopeId, depth + 1) ?? [{ expr: expr.left }];
    const right = urlParts(facts, expr.right, scopeId, depth + 1) ?? [{ expr: expr.right }];
    return [...left, ...right];
  }
  if (expr.kind === 'name') {
    const value = boundValue(facts, expr.name, scopeId);
    return value ? urlParts(facts, value, scopeId, depth + 1) : undefined;
  }
  return undefined;
}

/** The one value a name is bound to where it is read (its own scope or an enclosing one); undefined when rebound. */
function boundValue(facts: FileFacts, name: string, scopeId: number): Expr | undefined {
  const visible = new Set(scopeChain(facts, scopeId).map((scope) => scope.id));
  const bindings = bindingsNamed(facts, name).filter((binding) => visible.has(binding.scopeId));
  return bindings.length === 1 && bindings[0].kind === 'assign' ? bindings[0].value : undefined;
}

/** `process.env.API_URL`, `process.env.API_URL || 'http://localhost:8000'`, or a name bound to one. */
function isEnvironmentBase(facts: FileFacts, expr: Expr, scopeId: number, depth: number): boolean {
  if (depth > 3) return false;
  if (expr.kind === 'name') {
    const value = boundValue(facts, expr.name, scopeId);
    return !!value && isEnvironmentBase(facts, value, scopeId, depth + 1);
  }
  const path = calleePath(expr);
  if (path) return path.length === 3 && path[0] === 'process' && path[1] === 'env';
  // A fallback: every alternative an environment variable or a local URL.
  if (expr.kind === 'string') return LOCAL_URL.test(expr.value);
  const children = expr.kind === 'binary' && ['||', '??'].includes(expr.operator) ? [expr.left, expr.right] : expr.kind === 'other' ? expr.children : undefined;
  if (!children?.length) return false;
  return children.some((child) => child.kind !== 'string') && children.every((child) => isEnvironmentBase(facts, child, scopeId, depth + 1));
}

/**
 * The audit middleware covering the back-end router mounted at a path the forwarded path is
 * under: named in the mounting call before the router, or `use`d on the same app before the
 * mount (everywhere, or under a path the mount is under).
 */
function auditedMountOver(forwarded: readonly string[], context: ProjectAuditContext, names: readonly string[]): string | undefined {
  const uses = context.expressUses ?? [];
  for (const mount of uses) {
    if (mount.prefix === undefined || !mount.routers.length) continue;
    const prefix = mount.prefix.split('/').filter(Boolean);
    if (!prefix.length || prefix.some((segment) => segment.startsWith(':') || segment.includes('*'))) continue;
    if (prefix.length > forwarded.length || !prefix.every((segment, index) => forwarded[index] === segment)) continue;
    // A middleware that audits only the paths it lists covers the forward iff its path is listed.
    const forwardedPath = `/${forwarded.join('/')}`;
    const counts = (name: string) => {
      const listed = (context.pathListedMiddleware ?? []).filter((entry) => entry.names.includes(name));
      return !listed.length || listed.some((entry) => entry.prefixes.some((listedPrefix) => forwardedPath === listedPrefix.replace(/\/$/, '') || forwardedPath.startsWith(`${listedPrefix.replace(/\/$/, '')}/`)));
    };
    const covering = names.filter(counts);
    const router = Math.min(...mount.routers.map((entry) => entry.index));
    const own = mount.names.slice(0, router).find((name) => covering.includes(name));
    if (own) return own;
    const before = usedBefore(uses, mount, covering);
    if (before) return before;
  }
  return undefined;
}

/** A policy middleware `use`d on the mount's app before it, everywhere or under a path the mount is under. */
function usedBefore(uses: readonly ExpressUse[], mount: ExpressUse, names: readonly string[]): string | undefined {
  const file = path.resolve(mount.file);
  for (const use of uses) {
    if (path.resolve(use.file) !== file || use.receiver !== mount.receiver || use.offset >= mount.offset) continue;
    const limit = use.prefix?.replace(/\/?\*$/, '').replace(/\/$/, '');
    if (limit && !(mount.prefix === limit || mount.prefix!.startsWith(`${limit}/`))) continue;
    const name = use.names.find((candidate) => names.includes(candidate));
    if (name) return name;
  }
  return undefined;
}
