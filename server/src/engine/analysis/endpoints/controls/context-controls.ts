// The audit controls that sit in other files than the endpoints they cover, looked up in the
// workspace's audit context (engine/model/audit-context.ts): FastAPI dependencies on a mount or
// on every app in `main.py`, a Django settings module's `MIDDLEWARE` and `REST_FRAMEWORK`
// defaults (for the Django project holding the view), global NestJS guards (for the package).

import * as path from 'node:path';
import type { AuditControl, EndpointFact, HttpMethod } from '../../../model/endpoints';
import { expectedActions } from '../audit-check';
import type { ExpressUse, ProjectAuditContext } from '../../../model/audit-context';
import { calleePath } from '../../../model/expressions';
import type { FileFacts, ScopeFact } from '../../../model/facts';
import { bindingsIn, callsIn, scopeTree } from '../../../model/facts-index';
import type { ResolvedPolicy } from '../../../model/policy';
import type { FlowAnalyzer } from '../../flow/flow';
import { HISTORY_MIDDLEWARE } from '../../../catalogues/history-middleware';
import { ACTION_METHODS, type DrfAction } from '../drf-inherited';
import { decoratorReceivers, handlerScope, lastSegment } from './names';
import { routeReceiver } from './typescript-controls';

export interface ControlsInput {
  facts: FileFacts;
  policy: ResolvedPolicy;
  filePath: string;
  auditContext?: ProjectAuditContext;
  /** Its hooks resolve calls across the workspace (a service that writes the audit log). */
  flow?: FlowAnalyzer;
}

/** Django's own views, DRF's and Django Ninja's all run through the project's MIDDLEWARE. */
const isDjango = (framework: string): boolean => framework.startsWith('django') || framework === 'drf' || framework.includes('ninja');

/**
 * A FastAPI dependency the policy names, declared in another file: on the `include_router` that
 * mounts this route's router, or on every app of the project (`FastAPI(dependencies=[...])`).
 */
export function fastapiElsewhere(endpoint: EndpointFact, scope: ScopeFact, input: ControlsInput): AuditControl | undefined {
  const names = (input.policy.audit.python.dependencies ?? []).map(lastSegment);
  const context = input.auditContext;
  if (!names.length || endpoint.framework !== 'fastapi' || !context) return undefined;
  const file = path.resolve(input.filePath);
  const named = (dependencies: readonly string[]) => dependencies.find((dependency) => names.includes(dependency));
  const receivers = decoratorReceivers(scope);
  for (const mount of context.fastapiMounts ?? []) {
    if (path.resolve(mount.routerFile) !== file || !receivers.includes(mount.routerName)) continue;
    const name = named(mount.dependencies);
    if (name) return { kind: 'dependency', name, level: 'router', range: endpoint.range, existing: true };
  }
  // An app-wide dependency covers the project's routes only when no app of the project lacks one.
  const apps = (context.fastapiApps ?? []).filter((app) => isInside(file, app.projectRoot));
  const appDependencies = apps.map((app) => named(app.dependencies));
  if (apps.length && appDependencies.every(Boolean)) return { kind: 'dependency', name: appDependencies[0]!, level: 'app', range: endpoint.range, existing: true };
  return undefined;
}

/**
 * A middleware the policy names, listed in the `MIDDLEWARE` of the settings of the Django project
 * holding the file. One that records writes only (a history library's, or a workspace class that
 * lets GET requests through first) covers write endpoints only (`djangoWriteOnlyMiddleware` names
 * it for the others).
 */
export function djangoMiddleware(endpoint: EndpointFact, input: ControlsInput): AuditControl | undefined {
  for (const { listed, context } of listedDjangoMiddleware(endpoint, input)) {
    const control = (entry: string): AuditControl => ({ kind: 'django-middleware', name: lastSegment(entry), level: 'project', range: endpoint.range, existing: true });
    const full = listed.find((entry) => !writesOnly(entry, context));
    if (full) return control(full);
    if (writesRecords(endpoint, input.facts)) return control(listed[0]);
  }
  return undefined;
}

/**
 * The policy's Django middleware that covers the project's endpoints but records writes only, for
 * an endpoint it does not cover (a read): the finding says so, and a DRF class serving reads and
 * writes is reported for its read actions only (`readActionsOnly`).
 */
export function djangoWriteOnlyMiddleware(endpoint: EndpointFact, input: ControlsInput): string | undefined {
  const listed = listedDjangoMiddleware(endpoint, input)[0]?.listed[0];
  return listed === undefined ? undefined : lastSegment(listed);
}

/** The policy's middleware listed in the settings of each Django project holding the file (projects listing none left out). */
function listedDjangoMiddleware(endpoint: EndpointFact, input: ControlsInput): { listed: string[]; context: ProjectAuditContext }[] {
  const names = input.policy.audit.python.middleware ?? [];
  if (!names.length || !isDjango(endpoint.framework) || !input.auditContext) return [];
  const file = path.resolve(input.filePath);
  const context = input.auditContext;
  return context.djangoSettings
    .filter((settings) => isInside(file, settings.projectRoot))
    .map((settings) => ({ listed: settings.middleware.filter((entry) => names.some((name) => entry === name || lastSegment(entry) === lastSegment(name))), context }))
    .filter(({ listed }) => listed.length > 0);
}

/** Calls that save, change or delete model records (Django ORM, DRF serializers and views, opal-style record helpers). */
const RECORD_WRITES = new Set([
  'save', 'create', 'update', 'delete', 'bulk_create', 'bulk_update', 'get_or_create', 'update_or_create', 'update_from_dict',
  'perform_create', 'perform_update', 'perform_destroy',
]);

/** DRF's write actions, as a view names its methods that serve them. */
const DRF_WRITE_ACTIONS: ReadonlySet<string> = new Set(['create', 'update', 'partial_update', 'destroy']);

/** Methods that only write (POST, PUT, PATCH, DELETE): no read among the actions they call for. */
function onlyWrites(methods: readonly HttpMethod[]): boolean {
  const actions = expectedActions(methods);
  return actions.length > 0 && !actions.includes('read');
}

/**
 * Whether an endpoint is a write that a history middleware records: only write methods, and
 * either DRF's inherited write actions or a handler that saves, changes or deletes records (a
 * search served by POST changes nothing, and nothing records it).
 */
function writesRecords(endpoint: EndpointFact, facts: FileFacts): boolean {
  if (!onlyWrites(endpoint.methods)) return false;
  if (endpoint.inheritedActions?.length) return true;
  // A DRF view's own `create`/`update`/`destroy` is that write action, whatever it calls (`super().create(...)`).
  if (endpoint.framework === 'drf' && DRF_WRITE_ACTIONS.has(endpoint.handler.name.split('.').pop() ?? '')) return true;
  const handler = handlerScope(facts, endpoint);
  if (!handler) return false;
  return [...scopeTree(facts, handler.id)].some((scopeId) =>
    callsIn(facts, scopeId).some(({ call }) => {
      const callee = calleePath(call.callee);
      return callee !== undefined && callee.length > 1 && RECORD_WRITES.has(callee[callee.length - 1]);
    }),
  );
}

function writesOnly(entry: string, context: ProjectAuditContext): boolean {
  return HISTORY_MIDDLEWARE.has(entry) || (context.writeOnlyMiddleware ?? []).some((middleware) => middleware.name === lastSegment(entry));
}

/** A DRF class's actions that a write-only control leaves uncovered: its reads (undefined when that is all or none of them). */
export function readActionsOnly(endpoint: EndpointFact): string[] | undefined {
  const reads = (endpoint.inheritedActions ?? []).filter((action) => !onlyWrites([ACTION_METHODS[action as DrfAction] ?? 'GET']));
  if (!endpoint.inheritedActions?.length || !reads.length || reads.length === endpoint.inheritedActions.length) return undefined;
  return reads;
}

/**
 * A DRF class the policy names in the project's `REST_FRAMEWORK` defaults: it applies to a DRF
 * view that does not set that list itself (`permission_classes` / `authentication_classes`).
 */
export function drfDefault(endpoint: EndpointFact, input: ControlsInput): AuditControl | undefined {
  const names = input.policy.audit.python.permissionClasses ?? [];
  if (!names.length || endpoint.framework !== 'drf' || !input.auditContext) return undefined;
  const file = path.resolve(input.filePath);
  const own = ownDrfLists(input.facts, endpoint);
  for (const settings of input.auditContext.djangoSettings) {
    if (!settings.drfDefaults || !isInside(file, settings.projectRoot)) continue;
    for (const [list, entries] of [['permission_classes', settings.drfDefaults.permission], ['authentication_classes', settings.drfDefaults.authentication]] as const) {
      if (own.has(list)) continue;
      const listed = entries.find((entry) => names.some((name) => lastSegment(entry) === lastSegment(name)));
      if (listed) return { kind: 'permission-class', name: lastSegment(listed), level: 'project', range: endpoint.range, existing: true };
    }
  }
  return undefined;
}

/** The DRF class lists a view sets itself: in its class, or by decorator on a function view. */
function ownDrfLists(facts: FileFacts, endpoint: EndpointFact): Set<string> {
  const scope = handlerScope(facts, endpoint);
  const own = new Set<string>();
  if (!scope) return own;
  const viewClass = scope.kind === 'class' ? scope : facts.scopes.find((candidate) => candidate.id === scope.parentId && candidate.kind === 'class');
  for (const binding of viewClass ? facts.bindings.filter((b) => b.scopeId === viewClass.id) : []) own.add(binding.name);
  for (const decorator of scope.decorators) {
    const callee = decorator.expr.kind === 'call' ? decorator.expr.callee : decorator.expr;
    if (callee.kind === 'name') own.add(callee.name);
  }
  return own;
}

/** A guard or interceptor the policy names, registered globally in the NestJS package holding the file. */
export function nestGlobal(endpoint: EndpointFact, input: ControlsInput): AuditControl | undefined {
  const names = input.policy.audit.typescript.guards ?? [];
  if (!names.length || endpoint.framework !== 'nestjs' || !input.auditContext) return undefined;
  const file = path.resolve(input.filePath);
  for (const registration of input.auditContext.nestGlobals) {
    if (!isInside(file, registration.packageRoot)) continue;
    const listed = registration.names.find((entry) => names.some((name) => lastSegment(name) === entry));
    if (listed) return { kind: 'guard', name: listed, level: 'app', range: endpoint.range, existing: true };
  }
  return undefined;
}

/**
 * A middleware the policy names, in force where this route's router is mounted in another file:
 * in the mounting `use` call before the router (`app.use('/api/x', auditMw, xRouter)`), `use`d
 * on the mounting app before the mount (`app.use(auditMw)`, or under a path the mount is under),
 * or `use`d on the app a third file hands to the mounting module (`app.use(auditMw);
 * registerRoutes(app)`) before it does so. One hand-over is followed, and a router mounted into
 * another router is followed to where that one is mounted (`coveredWhereMounted`). A middleware that audits only
 * the paths it lists (`pathListedMiddleware`) covers the mounts under those paths; another covers
 * every router mounted after it, under whatever name the router is exported (`module.exports`,
 * a default export, or a factory returning it).
 */
export function expressElsewhere(endpoint: EndpointFact, input: ControlsInput): AuditControl | undefined {
  const policy = input.policy.audit.typescript;
  const names = [policy.middleware, ...(policy.otherMiddleware ?? [])].filter(Boolean).map(lastSegment);
  const context = input.auditContext;
  if (!names.length || !context?.expressUses?.length || input.facts.language === 'python') return undefined;
  const receiver = routeReceiver(input.facts, endpoint);
  if (!receiver) return undefined;
  const file = path.resolve(input.filePath);
  return coveredWhereMounted(file, exportNames(input.facts, receiver), endpoint, endpoint.path, context, names, 0);
}

/** How many routers deep a mount is followed (`app.use('/billing', billing)` where billing does `router.use('/', claims)`). */
const MOUNT_DEPTH = 3;

/**
 * The policy middleware covering routes at `innerPath` of the router that `file` exports under
 * one of `exportedAs`, wherever it is mounted (see `expressElsewhere`). A router mounted into
 * another router (`router.use('/', claimRoutes)` in a barrel module) is covered where that router
 * is mounted in turn: middleware `use`d on the app before that mount runs for the inner routes too.
 */
function coveredWhereMounted(
  file: string,
  exportedAs: ReadonlySet<string>,
  endpoint: EndpointFact,
  innerPath: string,
  context: ProjectAuditContext,
  names: readonly string[],
  depth: number,
): AuditControl | undefined {
  const uses = context.expressUses ?? [];
  const control = (name: string): AuditControl => ({ kind: 'middleware', name, level: 'app', range: endpoint.range, existing: true });
  /** A policy middleware `use`d on `owner` in `inFile` before `before`, for a mount under `mountPrefix`. */
  const usedBefore = (inFile: string, owner: string, before: number, mountPrefix: string | undefined, counts: (name: string) => boolean) =>
    uses
      .filter((use) => use.file === inFile && use.receiver === owner && use.offset < before && underPrefix(mountPrefix, use.prefix))
      .flatMap((use) => use.names.filter((name) => names.includes(name) && counts(name)))[0];
  for (const mount of uses) {
    const router = mount.routers.find((candidate) => path.resolve(candidate.file) === file && exportedAs.has(candidate.name));
    if (!router) continue;
    // A middleware that audits only the paths it lists covers the route iff its full path is
    // listed; then the router may be mounted under any name it is exported as. Another is taken
    // on a router mounted under its own name only (see above).
    const fullPath = joinPaths(mount.prefix, innerPath);
    const counts = (name: string) => {
      const listed = (context.pathListedMiddleware ?? []).filter((entry) => entry.names.includes(name));
      if (listed.length) return listed.some((entry) => entry.prefixes.some((prefix) => underListedPrefix(fullPath, prefix)));
      return true;
    };
    const own = mount.names.slice(0, router.index).find((name) => names.includes(name) && counts(name));
    if (own) return control(own);
    const onApp = usedBefore(mount.file, mount.receiver, mount.offset, mount.prefix, counts);
    if (onApp) return control(onApp);
    for (const pass of context.expressPasses ?? []) {
      if (path.resolve(pass.calleeFile) !== path.resolve(mount.file)) continue;
      const handedOver = usedBefore(pass.file, pass.receiver, pass.offset, mount.prefix, counts);
      if (handedOver) return control(handedOver);
    }
    if (depth + 1 >= MOUNT_DEPTH) continue;
    const outer = mountingRouterExports(mount, uses);
    if (!outer) continue;
    const covered = coveredWhereMounted(path.resolve(mount.file), outer, endpoint, fullPath, context, names, depth + 1);
    if (covered) return covered;
  }
  return undefined;
}

/**
 * The names under which the module holding a router-to-router mount exports its router: its own
 * name, and `default` when every mount of that module is on the one receiver (a barrel module's
 * `export default router`). An app's own module (`app.listen`) mounts nothing further up.
 */
function mountingRouterExports(mount: ExpressUse, uses: readonly ExpressUse[]): Set<string> | undefined {
  if (/^(app|server)$/i.test(mount.receiver)) return undefined;
  const receivers = new Set(uses.filter((use) => use.file === mount.file && use.routers.length).map((use) => use.receiver));
  return receivers.size === 1 ? new Set([mount.receiver, 'default']) : new Set([mount.receiver]);
}

/** The names a module exports its router under: its own, `export const smsRouter = router`, `export default router`. */
function exportNames(facts: FileFacts, receiver: string): Set<string> {
  const names = new Set([receiver]);
  for (const binding of bindingsIn(facts, 0)) if (binding.value.kind === 'name' && binding.value.name === receiver) names.add(binding.name);
  if (facts.defaultExportName === receiver || defaultExportReturns(facts, receiver)) names.add('default');
  return names;
}

/** `module.exports = initRoutes` where `function initRoutes(pool) { ...; return router; }`: the mount gets the router. */
function defaultExportReturns(facts: FileFacts, receiver: string): boolean {
  const factory = facts.scopes.find((scope) => scope.kind === 'function' && scope.parentId === 0 && scope.name === facts.defaultExportName);
  return !!factory && (facts.returns ?? []).some((ret) => ret.scopeId === factory.id && ret.value?.kind === 'name' && ret.value.name === receiver);
}

function joinPaths(prefix: string | undefined, route: string): string {
  if (!prefix) return route;
  return `${prefix.replace(/\/$/, '')}/${route.replace(/^\//, '')}`.replace(/\/$/, '') || '/';
}

function underListedPrefix(fullPath: string, prefix: string): boolean {
  const limit = prefix.replace(/\/$/, '');
  return fullPath === limit || fullPath.startsWith(`${limit}/`);
}

/** Whether a `use` limited to `usePrefix` runs for a router mounted at `mountPrefix`. */
function underPrefix(mountPrefix: string | undefined, usePrefix: string | undefined): boolean {
  const limit = usePrefix?.replace(/\/?\*$/, '').replace(/\/$/, '');
  if (!limit) return true;
  if (mountPrefix === undefined) return false;
  return mountPrefix === limit || mountPrefix.startsWith(`${limit}/`);
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
