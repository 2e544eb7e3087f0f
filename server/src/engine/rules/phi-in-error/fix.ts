// The fix of phi-in-error, *Report patient_id instead*: each PHI-carrying argument of the error
// becomes its static text plus the record's id.

import type { CallFact } from '../../model/facts';
import type { MessageContext } from '../../fixes/message-context';
import { idExpression, idRewrites, type PhiArgument } from '../../fixes/patient-id';
import { SourceCopy } from '../../fixes/source-copy';
import type { Fix } from '../../model/types';

export function errorPatientIdFix(fact: CallFact, phiArgs: PhiArgument[], context: MessageContext): Fix | undefined {
  const id = idExpression(fact, phiArgs, context);
  const copy = new SourceCopy(context.facts);
  const edits = idRewrites(phiArgs, id, context, copy);
  if (!edits.length) return undefined;
  return copy.mark({ title: id ? `Report ${id.key} instead` : 'Remove the PHI from this error', kind: 'fix', isPreferred: true, edits });
}
