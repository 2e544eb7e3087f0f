// A health check (`GET /health`, `/api/integrity/healthz`, `/ping`) answers whether the service
// and its database are up. It may read a record to prove the database answers (`db.query(Patient)
// .first()` turned into `recent_data_available: recent is not None`), but it serves no patient:
// its route addresses no record and names no patient-like resource, and no request input of it is
// keyed to a person. `/patients/{id}/health` (a patient's health data) is no such route.

import { pathSegments, pathResources } from './resources';

/** Last path segments of a liveness or readiness probe. */
const HEALTH_CHECK_SEGMENTS = new Set(['health', 'healthz', 'healthcheck', 'health-check', 'health_check', 'readyz', 'livez', 'readiness', 'liveness', 'ping', 'heartbeat']);

/** Whether a route is a service's health check: its last segment names one, and no segment is a parameter or a patient-like resource. */
export function isHealthCheckPath(path: string): boolean {
  const segments = pathSegments(path);
  const last = segments[segments.length - 1];
  if (!last || !HEALTH_CHECK_SEGMENTS.has(last.name.toLowerCase())) return false;
  return !segments.some((segment) => segment.param) && pathResources(path, true).length === 0;
}
