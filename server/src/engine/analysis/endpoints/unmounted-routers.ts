// A router module that no module of the workspace imports (tests aside) is never mounted: its routes are not
// reachable over HTTP (a file left behind after its routes moved elsewhere). Told only where the
// workspace's other routers are mounted by import (an `app.use('/api/x', xRouter)` taking a
// router from a module of the same folder) and no module loads modules by a computed name, so that
// a project wiring its routes another way, or a scan that did not read the mounting module, keeps
// every route; a copy kept aside (`prescriptions_fixed.js`) needs only the workspace's mounts. A
// module that mounts routers itself or starts a server is an entry point, not a router module.

import * as path from 'node:path';
import type { ProjectAuditContext } from '../../model/audit-context';
import type { FileFacts } from '../../model/facts';
import type { EndpointFact } from '../../model/endpoints';
import { importedByAnother, loadedByComputedName } from '../modules/import-graph';
import { isBackupCopy } from '../modules/unimported-modules';

const ROUTER_FRAMEWORKS = new Set(['express', 'koa', 'fastify', 'hono']);

export function isUnmountedRouterModule(filePath: string, facts: FileFacts, endpoints: readonly EndpointFact[], context: ProjectAuditContext | undefined): boolean {
  const imports = context?.moduleImports;
  if (!imports?.length || facts.language === 'python' || !endpoints.length) return false;
  // Modules loaded by a computed name may be any of them.
  if (loadedByComputedName(filePath, imports)) return false;
  if (!endpoints.every((endpoint) => ROUTER_FRAMEWORKS.has(endpoint.framework))) return false;
  const file = path.resolve(filePath);
  // Mounts: `app.use('/api/x', ..., xRouter)`, a path and an imported module (a bare `use(requireAuth)` is middleware).
  const mounts = (context?.expressUses ?? []).filter((use) => use.prefix !== undefined && use.routers.length);
  // An entry point: it mounts routers or listens.
  if (mounts.some((use) => path.resolve(use.file) === file) || /\.listen\s*\(/.test(facts.text)) return false;
  const folder = path.dirname(file);
  const siblingsMounted = mounts.some((use) => use.routers.some((router) => path.dirname(path.resolve(router.file)) === folder && path.resolve(router.file) !== file));
  // `prescriptions_fixed.js`, `visits_new.js` beside the server, the live routers in their folder:
  // a copy kept aside, wherever it sits, once the workspace is seen mounting its routers.
  if (!siblingsMounted && !(mounts.length && isKeptAsideCopy(file))) return false;
  return !importedByAnother(file, imports);
}

/** A backup copy's name (modules/unimported-modules.ts), or a draft's next to the file it replaces (`visits_new.js`, `labs.routes.new.ts`). */
function isKeptAsideCopy(file: string): boolean {
  return isBackupCopy(file) || /[_.-]new$/i.test(path.basename(file).replace(/\.[cm]?[jt]sx?$/, ''));
}
