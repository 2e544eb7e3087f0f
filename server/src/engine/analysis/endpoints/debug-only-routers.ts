// A FastAPI router that the workspace mounts only under a debug switch (`if settings.DEBUG:
// app.include_router(debug_router)`, workspace/fastapi-mounts.ts) is development tooling: its
// routes are not served in production, where patients' records are. Told only when every route of
// the module is on such a router and every mount of that router in sight (by its module, or by its
// name where the mounting module's imports do not resolve it) is under a debug switch.

import * as path from 'node:path';
import type { ProjectAuditContext } from '../../model/audit-context';
import type { EndpointFact } from '../../model/endpoints';
import type { FileFacts } from '../../model/facts';
import { decoratorReceivers, handlerScope } from './controls/names';

export function servesDebugRoutersOnly(filePath: string, facts: FileFacts, endpoints: readonly EndpointFact[], context: ProjectAuditContext | undefined): boolean {
  const mounts = context?.fastapiMounts ?? [];
  if (facts.language !== 'python' || !endpoints.length || !mounts.some((mount) => mount.debugOnly)) return false;
  if (!endpoints.every((endpoint) => endpoint.framework === 'fastapi')) return false;
  const file = path.resolve(filePath);
  const routers = new Set<string>();
  for (const endpoint of endpoints) {
    const receivers = decoratorReceivers(handlerScope(facts, endpoint));
    if (!receivers.length) return false;
    for (const receiver of receivers) routers.add(receiver);
  }
  return [...routers].every((router) => {
    const mountsOf = mounts.filter((mount) => mount.routerName === router && (mount.routerFile === '' || path.resolve(mount.routerFile) === file));
    return mountsOf.length > 0 && mountsOf.every((mount) => mount.debugOnly);
  });
}
