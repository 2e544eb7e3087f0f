// The audit controls a project already has (docs/policy.md, `audit`; docs/rules/missing-phi-access.md),
// applied to the endpoints the finders found without the policy's own control: in the file (the
// route, its router or app, its class, an audit call in the handler), else in the workspace's
// audit context (context-controls.ts), or at the project's own back end a Next.js handler only
// forwards to (backend-forward.ts).

import type { AuditControl, EndpointFact } from '../../../model/endpoints';
import { djangoMiddleware, djangoWriteOnlyMiddleware, drfDefault, expressElsewhere, fastapiElsewhere, nestGlobal, readActionsOnly, type ControlsInput } from './context-controls';
import { ACTION_METHODS, type DrfAction } from '../drf-inherited';
import { forwardedToAuditedBackend } from './backend-forward';
import { flaskCheckedAndLogged } from './flask-activity';
import { handlerScope } from './names';
import { pythonControl } from './python-controls';
import { typescriptControl } from './typescript-controls';

export type { ControlsInput } from './context-controls';

/**
 * Sets `audit` on each endpoint that has none when a control the project already has covers it;
 * an endpoint left to a middleware that records writes only is marked with it, and a DRF class
 * serving reads and writes then names only its reads.
 */
export function applyExistingControls(endpoints: EndpointFact[], input: ControlsInput): void {
  for (const endpoint of endpoints) {
    if (endpoint.audit) continue;
    const control = existingControl(endpoint, input);
    if (control) {
      endpoint.audit = control;
      continue;
    }
    const writeOnly = input.facts.language === 'python' ? djangoWriteOnlyMiddleware(endpoint, input) : undefined;
    if (!writeOnly) continue;
    endpoint.writeOnlyAudit = writeOnly;
    const reads = readActionsOnly(endpoint);
    if (reads) {
      endpoint.inheritedActions = reads;
      endpoint.methods = [...new Set(reads.map((action) => ACTION_METHODS[action as DrfAction]))];
    }
  }
}

function existingControl(endpoint: EndpointFact, input: ControlsInput): AuditControl | undefined {
  const { facts, policy } = input;
  const scope = handlerScope(facts, endpoint);
  const behind = input.flow?.hooks.auditCallBehind?.bind(input.flow.hooks);
  if (facts.language === 'python') {
    return (
      (scope ? pythonControl(facts, endpoint, scope, policy.audit.python, behind) : undefined) ??
      (scope ? fastapiElsewhere(endpoint, scope, input) : undefined) ??
      djangoMiddleware(endpoint, input) ??
      flaskCheckedAndLogged(endpoint, scope, input) ??
      drfDefault(endpoint, input)
    );
  }
  const throughFactory = input.flow?.hooks.auditCallThroughFactory?.bind(input.flow.hooks);
  return (
    typescriptControl(facts, endpoint, scope, policy.audit.typescript, behind, throughFactory) ??
    nestGlobal(endpoint, input) ??
    expressElsewhere(endpoint, input) ??
    forwardedToAuditedBackend(endpoint, input)
  );
}
