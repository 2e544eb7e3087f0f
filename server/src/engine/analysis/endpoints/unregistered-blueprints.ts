// A Flask (or Quart) blueprint module whose blueprints no module of the workspace registers is never
// served: its routes are not reachable over HTTP (a module left behind, or one written and never
// wired in). Told only where the workspace registers blueprints by name and nowhere by a computed
// name (workspace/flask-blueprint-registrations.ts), so that a project wiring its blueprints
// another way, or a scan that did not read the registering module, keeps every route. A module
// that makes an app or registers blueprints itself is an entry point, not a blueprint module.

import type { ProjectAuditContext } from '../../model/audit-context';
import type { EndpointFact } from '../../model/endpoints';
import { calleePath } from '../../model/expressions';
import type { FileFacts } from '../../model/facts';
import { bindingsIn } from '../../model/facts-index';
import { decoratorReceivers, handlerScope } from './controls/names';

const BLUEPRINT_FRAMEWORKS = new Set(['flask', 'quart']);
/** A module making an app or registering blueprints (`Flask(__name__)`, `app.register_blueprint(bp)`) is where routes are wired. */
const ENTRY_POINT = /\b(?:Flask|Quart)\s*\(|\bregister_blueprint\s*\(/;

export function isUnregisteredBlueprintModule(facts: FileFacts, endpoints: readonly EndpointFact[], context: ProjectAuditContext | undefined): boolean {
  const registrations = context?.flaskBlueprintRegistrations ?? [];
  if (facts.language !== 'python' || !endpoints.length || !registrations.some((registration) => registration.names.length || registration.computed)) return false;
  if (registrations.some((registration) => registration.computed) || ENTRY_POINT.test(facts.text)) return false;
  if (!endpoints.every((endpoint) => BLUEPRINT_FRAMEWORKS.has(endpoint.framework))) return false;
  const blueprints = moduleBlueprints(facts);
  if (!blueprints.size) return false;
  // Every route is a route of one of the module's blueprints (`@bp.route(...)`), none of them registered.
  const everyOnBlueprint = endpoints.every((endpoint) => decoratorReceivers(handlerScope(facts, endpoint)).some((receiver) => blueprints.has(receiver)));
  if (!everyOnBlueprint) return false;
  const registered = new Set(registrations.flatMap((registration) => registration.names));
  // Registered under the name a package re-exports it as (`app.register_blueprint(views.patients)`).
  for (const [own, exported] of registrations.flatMap((registration) => registration.aliases ?? [])) if (registered.has(exported)) registered.add(own);
  return ![...blueprints].some((name) => registered.has(name));
}

/** The module-level blueprints (`bp = Blueprint("patients", __name__)`). */
function moduleBlueprints(facts: FileFacts): Set<string> {
  const names = new Set<string>();
  for (const binding of bindingsIn(facts, 0)) {
    if (binding.kind !== 'assign' || binding.value.kind !== 'call') continue;
    if (calleePath(binding.value.callee)?.pop() === 'Blueprint') names.add(binding.name);
  }
  return names;
}
