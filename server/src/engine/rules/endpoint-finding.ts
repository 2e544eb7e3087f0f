// What the endpoint rules (missing-phi-access, phi-access-mismatch) share: a finding on the
// endpoint's route, naming the data categories it touches.

import type { EndpointFact } from '../model/endpoints';
import type { Fix, RuleId } from '../model/types';
import type { RawFinding } from './rule';

export function endpointFinding(ruleId: RuleId, endpoint: EndpointFact, message: string, fixes: Fix[]): RawFinding {
  return {
    ruleId,
    message,
    range: endpoint.range,
    line: endpoint.line,
    phi: endpoint.categories.map((category) => ({ element: 'record', category })),
    sink: `${endpoint.framework} endpoint`,
    flow: [],
    fixes,
  };
}
