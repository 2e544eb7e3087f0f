// How findings and the coverage report name an endpoint. A route path is a literal from the code
// and can hold a value (`/patients/078-05-1120`, `/users/jane@example.org`): numbers of three
// digits or more and e-mail-like segments are masked, so a message never repeats an identifier.
// Parameters (`{pid}`, `:id`, `<int:pk>`) and short numbers (`/v1`, `/v2.1`) stay as written.

import type { EndpointFact } from '../../model/endpoints';

const DIGIT_RUN = /\d(?:[\d\s().-]*\d)?/g;

export function maskRoutePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.includes('@') ? '…' : segment.replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '').length >= 3 ? '…' : run))))
    .join('/');
}

/** `GET /patients/{pid}`, or the methods alone when the path is not known in this file. */
export function routeLabel(endpoint: Pick<EndpointFact, 'methods' | 'path'>): string {
  return `${endpoint.methods.join('/')}${endpoint.path ? ` ${maskRoutePath(endpoint.path)}` : ''}`;
}
