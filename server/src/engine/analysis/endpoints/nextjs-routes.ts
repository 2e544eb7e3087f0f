// Next.js routes, where the file's place is the route (the framework of catalogues/frameworks.ts
// with `routes: 'file-routes'`): the exported `GET`/`POST`/... handlers of an app-router
// `app/**/route.ts`, and the default-exported handler of a `pages/api/**` file. A handler exported
// through the audit wrapper (`export const GET = withPhiAccess({...}, handler)`) is covered. The
// fix wraps the handler the same way.

import type { AuditControl, AuditPlacement, EndpointFact, HttpMethod } from '../../model/endpoints';
import type { BindingFact, Expr, FileFacts, ScopeFact } from '../../model/facts';
import { functionNamed, functionWithin } from '../../model/facts-index';
import type { Position, Range } from '../../model/ranges';
import { offsetOf, positionAt } from '../../model/text';
import { isAuditExpr, readAuditControl } from './audit-control';
import { assessPhi } from './evidence-memo';
import { endpointFact, type FinderInput } from './finder';
import { returnTypeNames } from './signature';

/** The wrapper a Next.js handler is exported through; the policy's middleware name is accepted too. */
export const NEXTJS_WRAPPER = 'withPhiAccess';
const HANDLER_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const APP_ROUTE = /(?:^|\/)app\/((?:[^/]+\/)*)route\.[cm]?[jt]sx?$/;
const PAGES_API = /(?:^|\/)pages\/(api(?:\/[^/]+)*?)(?:\/index)?\.[cm]?[jt]sx?$/;

export function findNextRoutes(input: FinderInput): EndpointFact[] {
  const filePath = input.filePath.replace(/\\/g, '/');
  const app = APP_ROUTE.exec(filePath);
  if (app) return appRouteHandlers(input, routeOfDirectories(app[1]));
  const pages = PAGES_API.exec(filePath);
  if (pages) return pagesApiHandler(input, routeOfDirectories(pages[1]));
  // A route handler outside `app/` (a copy, a test): known by `next/server`, its route not known.
  if (input.facts.imports.some((fact) => fact.module === 'next/server')) return appRouteHandlers(input, '');
  return [];
}

/** `(group)/patients/[id]/` -> `/patients/[id]`: route groups and parallel slots are not in the URL. */
function routeOfDirectories(directories: string): string {
  const segments = directories.split('/').filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
  return `/${segments.join('/')}`;
}

interface Handler {
  name: string;
  methods: HttpMethod[];
  /** The export statement's start (where findings are reported). */
  start: Position;
  nameRange: Range;
  scope?: ScopeFact;
  audit?: AuditControl;
  placement: AuditPlacement;
}

function appRouteHandlers(input: FinderInput, routePath: string): EndpointFact[] {
  const { facts } = input;
  const handlers: Handler[] = [];
  for (const scope of facts.scopes) {
    if (scope.kind !== 'function' || scope.parentId !== 0 || !HANDLER_METHODS.includes(scope.name as HttpMethod)) continue;
    const exported = exportBefore(facts, scope.range.start, false);
    if (!exported) continue;
    handlers.push(declared(facts, scope, [scope.name as HttpMethod], exported, `export const ${scope.name} = `));
  }
  for (const binding of facts.bindings) {
    if (binding.scopeId !== 0 || binding.kind !== 'assign' || !HANDLER_METHODS.includes(binding.name as HttpMethod)) continue;
    if (!lineStartsWithExport(facts, binding.range.start.line)) continue;
    const handler = bound(input, binding, [binding.name as HttpMethod]);
    if (handler) handlers.push(handler);
  }
  return handlers.map((handler) => endpoint(input, handler, routePath));
}

function pagesApiHandler(input: FinderInput, routePath: string): EndpointFact[] {
  const { facts } = input;
  // `export default async function handler(req, res) { ... }`
  for (const scope of facts.scopes) {
    if (scope.kind !== 'function' || scope.parentId !== 0) continue;
    const exported = exportBefore(facts, scope.range.start, true);
    if (exported) return [endpoint(input, declared(facts, scope, ['ANY'], exported, 'export default '), routePath)];
  }
  // `export default handler;`, `export default withAuth(handler);`
  const match = /^export\s+default\s+(?!function\b|async\b|class\b)/m.exec(facts.text);
  if (!match) return [];
  const valueStart = positionAt(facts.lineStarts, match.index + match[0].length);
  const value = topLevelExpressionAt(facts, valueStart);
  if (!value) return [];
  const handler = wrapped(input, value, ['ANY'], positionAt(facts.lineStarts, match.index), 'default');
  return handler ? [endpoint(input, handler, routePath)] : [];
}

/** A handler written as an exported function (`export async function GET`, `export default async (req, res) => {}`). */
function declared(facts: FileFacts, scope: ScopeFact, methods: HttpMethod[], exportRange: Range, exportText: string): Handler {
  const nameRange = scope.nameRange ?? scope.range;
  // An exported arrow ends its statement with its own `;`; a declaration has none.
  const after = facts.text.slice(offsetOf(facts.lineStarts, facts.text, scope.range.end)).trimStart();
  return {
    name: scope.name ?? 'handler',
    methods,
    start: exportRange.start,
    nameRange,
    scope,
    placement: { kind: 'nextjs-wrap', exportRange, exportText, end: scope.range.end, declaration: !after.startsWith(';') },
  };
}

/** `export const GET = handler`, `= async (req) => {...}`, `= withPhiAccess({...}, handler)`. */
function bound(input: FinderInput, binding: BindingFact, methods: HttpMethod[]): Handler | undefined {
  const start = { line: binding.range.start.line, character: 0 };
  return wrapped(input, binding.value, methods, start, binding.name);
}

function wrapped(input: FinderInput, value: Expr, methods: HttpMethod[], start: Position, name: string): Handler | undefined {
  const { facts } = input;
  const auditNames = [NEXTJS_WRAPPER, input.policy.audit.typescript.middleware || 'phiAccess'];
  const audit = value.kind === 'call' && isAuditExpr(value, auditNames) ? readAuditControl(value, 'middleware', 'endpoint', facts) : undefined;
  const scope = handlerScope(facts, value);
  if (!scope && !audit) return undefined;
  const placement: AuditPlacement = { kind: 'nextjs-wrap', exportRange: { start: value.range.start, end: value.range.start }, exportText: '', end: value.range.end, declaration: false };
  const handlerName = name === 'default' ? (scope?.name ?? 'handler') : name;
  return { name: handlerName, methods, start, nameRange: scope?.nameRange ?? value.range, scope, audit, placement };
}

/** The function a handler value is, names, or wraps (`withAuth(handler)`, `withAuth(async (req) => ...)`). */
function handlerScope(facts: FileFacts, value: Expr, depth = 0): ScopeFact | undefined {
  if (depth > 4) return undefined;
  if (value.kind === 'name') return functionNamed(facts, value.name);
  if (value.kind === 'call') {
    for (const arg of [...value.args].reverse()) {
      const found = handlerScope(facts, arg.value, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  return functionWithin(facts, 0, value.range);
}

function endpoint(input: FinderInput, handler: Handler, routePath: string): EndpointFact {
  const { facts, flow } = input;
  const scope = handler.scope;
  if (scope) input.claimed.add(scope.id);
  const typeNames = scope ? [...scope.params.flatMap((param) => param.typeNames), ...returnTypeNames(facts, scope)] : [];
  const evidence = assessPhi({ path: routePath, handlerScopeId: scope?.id, typeNames, nameHints: [] }, facts, flow);
  return endpointFact(
    {
      framework: 'nextjs',
      methods: handler.methods,
      path: routePath,
      handler: { name: handler.name, range: handler.nameRange },
      start: handler.start,
      end: handler.nameRange.end,
      audit: handler.audit,
      placement: handler.placement,
    },
    evidence,
  );
}

/** The `export ` (or `export default `) right before a function, as a range; undefined when not exported so. */
function exportBefore(facts: FileFacts, start: Position, isDefault: boolean): Range | undefined {
  const offset = offsetOf(facts.lineStarts, facts.text, start);
  const before = facts.text.slice(Math.max(0, offset - 40), offset);
  const match = (isDefault ? /export\s+default\s+$/ : /export\s+$/).exec(before);
  if (!match) return undefined;
  return { start: positionAt(facts.lineStarts, offset - before.length + match.index), end: start };
}

function lineStartsWithExport(facts: FileFacts, line: number): boolean {
  const start = facts.lineStarts[line] ?? 0;
  return /^\s*export\s/.test(facts.text.slice(start, start + 20));
}

/** The module-level call or name starting at a position (what `export default` exports). */
function topLevelExpressionAt(facts: FileFacts, position: Position): Expr | undefined {
  const same = (range: Range) => range.start.line === position.line && range.start.character === position.character;
  const call = facts.calls.find((fact) => fact.scopeId === 0 && same(fact.call.range));
  if (call) return call.call;
  const name = /^[A-Za-z_$][\w$]*/.exec(facts.text.slice(offsetOf(facts.lineStarts, facts.text, position)))?.[0];
  if (!name) return undefined;
  return { kind: 'name', name, range: { start: position, end: { line: position.line, character: position.character + name.length } } } as Expr;
}
