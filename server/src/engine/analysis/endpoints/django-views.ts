// Django views (and Django REST Framework's, the frameworks of catalogues/frameworks.ts with
// `routes: 'django-views'`): module-level functions taking `request` in a views module (or a file
// importing the framework), functions with a view decorator (`@require_GET`, `@api_view([...])`),
// and the method-named handlers of class-based views (`APIView`, `ViewSet`, `@action`). Their paths
// come from URLconfs (django-urls.ts), joined across files by the coverage report.

import * as path from 'node:path';
import type { Framework } from '../../catalogues/frameworks';
import type { AuditControl, EndpointFact, HttpMethod } from '../../model/endpoints';
import type { Expr, FileFacts, ScopeFact } from '../../model/facts';
import { bindingsIn, callsIn, childScopes, scopeTree } from '../../model/facts-index';
import { calleePath } from '../../model/expressions';
import { importsFramework, type FinderInput } from './finder';
import { METHOD_NAMES, endpointAudit, lastName, methodsArgument, pythonAuditNames, pythonEndpoint } from './python-endpoint';
import { pythonClassBases, returnTypeNames } from './signature';
import { assessPhi } from './evidence-memo';
import { actionMethods, dataMethods, inheritedActions, type DrfAction } from './drf-inherited';

const DRF_ACTIONS: Record<string, HttpMethod> = {
  list: 'GET', retrieve: 'GET', create: 'POST', update: 'PUT', partial_update: 'PATCH', destroy: 'DELETE',
};
const DJANGO_METHOD_DECORATORS: Record<string, HttpMethod[]> = {
  require_GET: ['GET'], require_POST: ['POST'], require_safe: ['GET', 'HEAD'],
};
const VIEW_BASE = /(View|View[Ss]et|APIView|Mixin|Resource)$/;
/**
 * Bases of classes that are not HTTP views although their names look alike or their methods are
 * named like actions: Tryton models (`ModelView`, `ModelSQL`: `create(cls, vlist)` is an ORM
 * hook), wizards and reports, Django admin classes and management commands, Celery tasks.
 */
const NOT_HTTP_BASES = new Set([
  'ModelView', 'ModelSQL', 'ModelStorage', 'Workflow', 'Wizard', 'StateView', 'StateTransition', 'StateAction', 'Report',
  'DeactivableMixin', 'ModelAdmin', 'TabularInline', 'StackedInline', 'BaseCommand', 'Task', 'AppConfig',
]);
/** The class attributes that say what a view serves. */
const DATA_ATTRIBUTES = ['queryset', 'serializer_class', 'model'];
/** Serializers, forms, models, admin classes, commands and tests: their `create`/`update`/`get` are not HTTP handlers. */
const NOT_HTTP_CLASS = /(Serializer|Form|FormSet|Admin|Inline|Command|TestCase|Manager|QuerySet|Model)$/;
/** Decorators of functions that are not views: signal receivers, admin actions, tasks. */
const NOT_VIEW_DECORATORS = new Set(['receiver', 'action', 'register', 'shared_task', 'task', 'periodic_task', 'classmethod', 'staticmethod']);
/** Modules that hold no views: admin, tasks, signals, management commands, migrations, tests. */
const NOT_VIEW_FILE = /(^|[\\/])(admin|tasks|signals|receivers|apps|models|serializers|tests?|conftest)\.py$|[\\/](management[\\/]commands|migrations|tests)[\\/]/;

export function findDjangoViews(input: FinderInput): EndpointFact[] {
  const { facts, flow, filePath } = input;
  const auditNames = pythonAuditNames(input.policy);
  const [plain, special] = frameworksOf(input);
  const importsAny = input.frameworks.some((framework) => importsFramework(facts, framework));
  const viewsFile = importsAny || /(^|_)views?\.py$/.test(path.basename(filePath)) || /[\\/]views[\\/]/.test(filePath);
  const endpoints: EndpointFact[] = [];

  const extended = new Set(facts.scopes.filter((scope) => scope.kind === 'class').flatMap((scope) => pythonClassBases(facts, scope)));
  // Class-based views: their method-named handlers.
  for (const scope of facts.scopes) {
    if (scope.kind !== 'class' || scope.parentId !== 0) continue;
    const bases = pythonClassBases(facts, scope);
    if (!isViewClass(facts, scope)) continue;
    if ([scope.name ?? '', ...bases].some((name) => NOT_HTTP_CLASS.test(name))) continue;
    const framework = bases.some((base) => special.viewBases?.test(base)) || importsFramework(facts, special) ? special.id : plain.id;
    const classAudit = endpointAudit(scope, auditNames, facts, 'class');
    const servesDeclaredData = bindingsIn(facts, scope.id).some((binding) => DATA_ATTRIBUTES.includes(binding.name));
    const actions: { endpoint: EndpointFact; method: ScopeFact }[] = [];
    for (const method of childScopes(facts, scope.id)) {
      if (method.kind !== 'function' || !method.name || !isInstanceMethod(method)) continue;
      const methods = classMethodVerbs(method);
      if (!methods) continue;
      input.claimed.add(method.id);
      const audit = endpointAudit(method, auditNames, facts) ?? classAudit;
      const typeNames = [...method.params.flatMap((param) => param.typeNames), ...returnTypeNames(facts, method)];
      // What the class serves (`queryset`, `serializer_class`) speaks for it better than its name.
      const nameHints = servesDeclaredData ? [] : [scope.name ?? ''];
      const evidence = assessPhi(
        { path: '', handlerScopeId: method.id, typeNames, nameHints, extraScopeIds: [scope.id], classAttributes: DATA_ATTRIBUTES },
        facts,
        flow,
      );
      const routeDecorator = method.decorators.find((d) => lastName(d.expr) === 'action')?.expr;
      const endpoint = pythonEndpoint(method, framework, methods, '', audit, evidence, facts, routeDecorator, auditNames, `${scope.name}.${method.name}`);
      actions.push({ endpoint, method });
      endpoints.push(endpoint);
    }
    shareClassRecords(actions, facts);
    // A class another class of the file extends is a base, routed through its subclasses.
    const inherited = extended.has(scope.name ?? '') ? [] : inheritedActions(facts, scope);
    if (inherited.length) endpoints.push(inheritedEndpoint(scope, inherited, framework, classAudit, input, auditNames));
  }

  // Function views.
  for (const scope of facts.scopes) {
    if (scope.kind !== 'function' || input.claimed.has(scope.id) || scope.parentId !== 0 || !scope.name) continue;
    const routeDecorator = scope.decorators.find((d) => isViewDecorator(d.expr, special.viewDecorators ?? []));
    const notView = NOT_VIEW_FILE.test(filePath) || scope.decorators.some((d) => NOT_VIEW_DECORATORS.has(decoratorName(d.expr) ?? ''));
    const isView = routeDecorator || (viewsFile && !notView && !scope.name.startsWith('_') && /^(request|req)$/.test(scope.params[0]?.name ?? ''));
    if (!isView) continue;
    const methods = routeDecorator ? viewMethods(routeDecorator.expr, special.viewDecorators ?? []) : ['ANY' as const];
    const audit = endpointAudit(scope, auditNames, facts);
    const typeNames = [...scope.params.flatMap((param) => param.typeNames), ...returnTypeNames(facts, scope)];
    const evidence = assessPhi({ path: '', handlerScopeId: scope.id, typeNames, nameHints: [scope.name] }, facts, flow);
    const framework: Framework = routeDecorator && special.viewDecorators?.includes(lastName(routeDecorator.expr) ?? '') ? special.id : plain.id;
    endpoints.push(pythonEndpoint(scope, framework, methods, '', audit, evidence, facts, routeDecorator?.expr, auditNames));
  }
  return endpoints;
}

/** How a class-based view's method reaches the records the class serves (`self.model.objects.all()`, `self.get_queryset()`). */
const OWN_RECORDS = new Set(['model', 'queryset', 'get_queryset', 'get_object', 'get_model', 'object']);
/** Calls whose result is a total: a method reading only these returns no record. */
const TOTAL_CALLS = new Set(['count', 'exists', 'aggregate', 'annotate']);

/**
 * A class-based view serves one resource: a method that reads the class's own records
 * (`self.model.objects.all()`) with nothing naming them touches the patient data its sibling
 * actions touch (a `create` tying each record to an episode, a `retrieve` of a patient's).
 */
function shareClassRecords(actions: { endpoint: EndpointFact; method: ScopeFact }[], facts: FileFacts): void {
  const sibling = actions.find(({ endpoint }) => endpoint.touchesPhi);
  if (!sibling) return;
  for (const { endpoint, method } of actions) {
    if (endpoint.touchesPhi || !readsOwnRecords(facts, method)) continue;
    endpoint.touchesPhi = true;
    endpoint.categories = [...sibling.endpoint.categories];
    endpoint.why = [`reads the records of the class whose ${sibling.method.name} touches patient data`];
  }
}

function readsOwnRecords(facts: FileFacts, method: ScopeFact): boolean {
  let reads = false;
  for (const scopeId of scopeTree(facts, method.id)) {
    for (const { call } of callsIn(facts, scopeId)) {
      const path = calleePath(call.callee) ?? [];
      if (path[0] !== 'self' || !OWN_RECORDS.has(path[1] ?? '')) continue;
      if (path.slice(2).some((segment) => TOTAL_CALLS.has(segment))) return false;
      reads = true;
    }
  }
  return reads;
}

/**
 * The endpoint of the actions a DRF class inherits (drf-inherited.ts): at the class, evidence
 * from what the actions serve (`queryset`, `serializer_class`, `model`, `get_queryset()`).
 */
function inheritedEndpoint(
  scope: ScopeFact,
  actions: DrfAction[],
  framework: Framework,
  audit: AuditControl | undefined,
  input: FinderInput,
  auditNames: string[],
): EndpointFact {
  const { facts, flow } = input;
  const evidence = assessPhi(
    {
      path: '',
      typeNames: [],
      nameHints: [],
      extraScopeIds: [scope.id],
      classAttributes: DATA_ATTRIBUTES,
      dataScopeIds: dataMethods(facts, scope).map((method) => method.id),
    },
    facts,
    flow,
  );
  const endpoint = pythonEndpoint(scope, framework, actionMethods(actions), '', audit, evidence, facts, undefined, auditNames, scope.name);
  return { ...endpoint, inheritedActions: actions };
}

/**
 * A class-based view: a base named like one (`APIView`, `viewsets.ViewSet`, `LoginRequiredViewset`),
 * or a class of the same file that is one (`class SubrecordViewSet(LoginRequiredViewset)`, whose
 * base extends `viewsets.ViewSet`): projects put their permission classes on a base of their own.
 */
function isViewClass(facts: FileFacts, scope: ScopeFact, depth = 0): boolean {
  const bases = pythonClassBases(facts, scope);
  if (bases.some((base) => NOT_HTTP_BASES.has(base))) return false;
  if (bases.some((base) => VIEW_BASE.test(base))) return true;
  if (depth >= 6) return false;
  return bases.some((base) => {
    const local = facts.scopes.find((candidate) => candidate.kind === 'class' && candidate.parentId === 0 && candidate.name === base);
    return !!local && local !== scope && isViewClass(facts, local, depth + 1);
  });
}

/** A method called on an instance (`def list(self, request)`), not a `@classmethod` ORM hook. */
function isInstanceMethod(method: ScopeFact): boolean {
  if (method.decorators.some((d) => ['classmethod', 'staticmethod'].includes(decoratorName(d.expr) ?? ''))) return false;
  return method.params[0]?.name === 'self';
}

/** The style's plain framework (Django) and the one its view bases or decorators single out (DRF). */
function frameworksOf(input: FinderInput): [FinderInput['frameworks'][number], FinderInput['frameworks'][number]] {
  const plain = input.frameworks.find((framework) => framework.fallback) ?? input.frameworks[0];
  const special = input.frameworks.find((framework) => framework !== plain) ?? plain;
  return [plain, special];
}

function classMethodVerbs(method: ScopeFact): HttpMethod[] | undefined {
  const name = method.name ?? '';
  const action = method.decorators.find((d) => lastName(d.expr) === 'action');
  if (action) return (action.expr.kind === 'call' ? methodsArgument(action.expr) : undefined) ?? ['GET'];
  if (METHOD_NAMES[name]) return [METHOD_NAMES[name]];
  if (DRF_ACTIONS[name]) return [DRF_ACTIONS[name]];
  return undefined;
}

function isViewDecorator(expr: Expr, viewDecorators: readonly string[]): boolean {
  const name = decoratorName(expr);
  return !!name && (viewDecorators.includes(name) || name === 'require_http_methods' || name in DJANGO_METHOD_DECORATORS);
}

function viewMethods(expr: Expr, viewDecorators: readonly string[]): HttpMethod[] {
  const name = decoratorName(expr) ?? '';
  if (DJANGO_METHOD_DECORATORS[name]) return DJANGO_METHOD_DECORATORS[name];
  if (expr.kind === 'call') {
    const first = expr.args[0];
    if (first?.value.kind === 'array') {
      const methods = first.value.items.flatMap((item) => (item.kind === 'string' ? [item.value.toUpperCase() as HttpMethod] : []));
      if (methods.length) return methods;
    }
  }
  return viewDecorators.includes(name) ? ['GET'] : ['ANY'];
}

/** A view decorator's name: the last name of its callee (`@require_http_methods([...])`). */
function decoratorName(expr: Expr): string | undefined {
  return lastName(expr.kind === 'call' ? expr.callee : expr);
}
