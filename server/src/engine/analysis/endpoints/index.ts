// Endpoint discovery over one file's facts: each way of writing routes has its finder, run for
// the frameworks of catalogues/frameworks.ts written that way. Computed once per analysis and
// shared by the two endpoint rules, the analysis result and the coverage report.

import { frameworksWritten, type RouteStyle } from '../../catalogues/frameworks';
import type { EndpointFact } from '../../model/endpoints';
import type { FileFacts } from '../../model/facts';
import type { ResolvedPolicy } from '../../model/policy';
import * as path from 'node:path';
import type { DataModel, ProjectAuditContext } from '../../model/audit-context';
import { applyExistingControls } from './controls/existing-controls';
import { findControllers } from './controllers';
import { findDjangoViews } from './django-views';
import type { EndpointContext, FinderInput } from './finder';
import { findNextRoutes } from './nextjs-routes';
import { findRouteCalls } from './route-calls';
import { handlerScope } from './controls/names';
import { isStatelessGeneration } from './stateless-generation';
import { servesNoPatientRows } from './totals-only';
import { isUnmountedRouterModule } from './unmounted-routers';
import { isUnregisteredBlueprintModule } from './unregistered-blueprints';
import { servesDebugRoutersOnly } from './debug-only-routers';
import { dataModelsOf } from './data-models';
import { classServesOnlyLookupTables, servesOnlyLookupTables } from './reference-models';
import { evidenceItemsOf } from './finder';
import { withoutNonPatientModels } from './patient-level-models';
import { findDecoratedRoutes } from './route-decorators';

export * from '../../model/endpoints';
export type { EndpointContext } from './finder';
export { primaryCategory } from './resources';
export { findDjangoRoutes } from './django-urls';

/** The finder of each way of writing routes, in the order they run (a decorated route is not also a Django view). */
const FINDERS: Record<RouteStyle, (input: FinderInput) => EndpointFact[]> = {
  'route-decorators': findDecoratedRoutes,
  'django-views': findDjangoViews,
  'route-calls': findRouteCalls,
  controllers: findControllers,
  'file-routes': findNextRoutes,
};
const STYLES = Object.keys(FINDERS) as RouteStyle[];

const ENDPOINT_LANGUAGES = new Set<string>(['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact']);
const cache = new WeakMap<FileFacts, Map<ResolvedPolicy, { auditContext?: ProjectAuditContext; endpoints: EndpointFact[] }>>();

/** `auditContext`: the workspace's Django settings and global NestJS guards (model/audit-context.ts). */
export function findEndpoints(context: EndpointContext & { auditContext?: ProjectAuditContext }): EndpointFact[] {
  let byPolicy = cache.get(context.facts);
  if (!byPolicy) cache.set(context.facts, (byPolicy = new Map()));
  const cached = byPolicy.get(context.policy);
  let endpoints = cached?.auditContext === context.auditContext ? cached?.endpoints : undefined;
  if (!endpoints && !ENDPOINT_LANGUAGES.has(context.facts.languageId)) endpoints = [];
  if (!endpoints) {
    endpoints = [];
    const claimed = new Set<number>();
    for (const style of STYLES) {
      const frameworks = frameworksWritten(style).filter((framework) => framework.language === context.facts.language);
      if (frameworks.length) endpoints.push(...FINDERS[style]({ ...context, frameworks, claimed }));
    }
    endpoints.sort((a, b) => a.line - b.line || a.range.start.character - b.range.start.character);
    applyExistingControls(endpoints, context);
    dropHandlersServingNoPatient(endpoints, context);
    // A router module nothing mounts serves no route (unmounted-routers.ts).
    if (isUnmountedRouterModule(context.filePath, context.facts, endpoints, context.auditContext)) endpoints = [];
    // Nor does a Flask blueprint nothing registers (unregistered-blueprints.ts).
    if (isUnregisteredBlueprintModule(context.facts, endpoints, context.auditContext)) endpoints = [];
    // Nor, in production, does a FastAPI router mounted only under a debug switch (debug-only-routers.ts).
    if (servesDebugRoutersOnly(context.filePath, context.facts, endpoints, context.auditContext)) endpoints = [];
    byPolicy.set(context.policy, { auditContext: context.auditContext, endpoints });
  }
  return endpoints;
}

/** The workspace's Python data models (its pre-pass), this file's own as they are now in place of its entries. */
function dataModelsInSight(context: EndpointContext & { auditContext?: ProjectAuditContext }): DataModel[] {
  if (context.facts.language !== 'python') return [];
  const own = path.resolve(context.filePath);
  const others = (context.auditContext?.dataModels ?? []).filter((model) => path.resolve(model.file) !== own);
  return [...others, ...dataModelsOf(own, context.facts.text)];
}

/**
 * After the finders (their evidence is remembered by the handler's own text), what the handler's
 * callees in other files do: a handler that only sends the request to an AI service and answers
 * touches no stored patient record (stateless-generation.ts), and one whose services read only
 * totals or tables of kinds serves no patient (totals-only.ts).
 */
function dropHandlersServingNoPatient(endpoints: EndpointFact[], context: EndpointContext): void {
  // Read only when a handler gets that far: a keystroke in a file with no unaudited PHI route reads no model.
  let models: readonly DataModel[] | undefined;
  for (const endpoint of endpoints) {
    if (!endpoint.touchesPhi || endpoint.audit) continue;
    // What rests only on models that hold no patient's data is set aside (patient-level-models.ts).
    const items = evidenceItemsOf(endpoint);
    const standing = items && withoutNonPatientModels(items, (models ??= dataModelsInSight(context)), context.flow.classifier);
    if (standing) {
      endpoint.categories = standing.categories;
      endpoint.why = standing.why;
      endpoint.touchesPhi = standing.categories.length > 0;
      if (!endpoint.touchesPhi) continue;
    }
    const scope = handlerScope(context.facts, endpoint);
    // A DRF class serving its inherited actions over lookup tables (reference-models.ts).
    if (scope?.kind === 'class' && endpoint.inheritedActions?.length && classServesOnlyLookupTables(scope.id, context.facts, (models ??= dataModelsInSight(context)), context.flow.classifier)) {
      endpoint.touchesPhi = false;
      endpoint.categories = [];
      endpoint.why = [];
      continue;
    }
    if (scope?.kind !== 'function') continue;
    // Its models are lookup tables (reference-models.ts).
    const lookup = () => servesOnlyLookupTables(scope.id, endpoint.path, context.facts, (models ??= dataModelsInSight(context)), context.flow.classifier);
    if (!isStatelessGeneration(endpoint, scope.id, context.facts, context.flow) && !servesNoPatientRows(scope.id, endpoint.path, context.facts, context.flow) && !lookup()) continue;
    endpoint.touchesPhi = false;
    endpoint.categories = [];
    endpoint.why = [];
  }
}
