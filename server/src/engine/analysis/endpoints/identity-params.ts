// Parameters of a FastAPI handler that hold the caller's own identity: `patient_id: str =
// Depends(current_patient_id)`. Such a key is the signed-in patient's, resolved from the session,
// not a request naming which patient to read, so it is no evidence that the handler looks up a
// patient's records (what the handler then reads still is).

import type { FileFacts, ParamFact, ScopeFact } from '../../model/facts';
import { callsIn } from '../../model/facts-index';
import { tokenize } from '../phi/identifiers';
import { dependencyTarget, isDependencyCall } from './controls/python-controls';

/** Words of a dependency that resolves who is calling (`current_patient_id`, `get_my_patient_id`, `auth_user`). */
const IDENTITY_WORDS = new Set(['current', 'me', 'my', 'self', 'signed', 'logged', 'authenticated', 'auth', 'session', 'token', 'requester', 'caller']);

/** The handler's parameters whose value is a dependency naming the caller's identity. */
export function identityParams(facts: FileFacts, scope: ScopeFact): Set<ParamFact> {
  const found = new Set<ParamFact>();
  if (facts.language !== 'python' || !scope.params.length) return found;
  const lastParam = scope.params[scope.params.length - 1];
  for (const { call } of callsIn(facts, scope.id)) {
    // Only a default written in the signature: the body starts after the last parameter's line.
    if (call.range.start.line > lastParam.range.end.line) continue;
    if (!isDependencyCall(call)) continue;
    const target = dependencyTarget(call);
    const name = target && (target.kind === 'name' ? target.name : target.kind === 'member' ? target.property : undefined);
    if (!name || !tokenize(name).some((token) => IDENTITY_WORDS.has(token))) continue;
    const param = paramBefore(scope.params, call.range.start);
    if (param) found.add(param);
  }
  return found;
}

/** The parameter a default at `position` belongs to: the last one starting before it on the same line. */
function paramBefore(params: readonly ParamFact[], position: { line: number; character: number }): ParamFact | undefined {
  let best: ParamFact | undefined;
  for (const param of params) {
    const start = param.range.start;
    if (start.line !== position.line || start.character > position.character) continue;
    if (!best || start.character > best.range.start.character) best = param;
  }
  return best;
}
