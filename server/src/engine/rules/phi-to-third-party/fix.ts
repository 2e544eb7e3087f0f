// The fix of phi-to-third-party, *Send patient_id instead*: the PHI in an event, tag or identify
// call becomes its static text plus the record's id.

import type { CallFact } from '../../model/facts';
import type { MessageContext } from '../../fixes/message-context';
import { idExpression, idRewrites, type PhiArgument } from '../../fixes/patient-id';
import { SourceCopy } from '../../fixes/source-copy';
import type { Fix } from '../../model/types';

export function sendIdInsteadFix(fact: CallFact, phiArgs: PhiArgument[], context: MessageContext): Fix | undefined {
  const id = idExpression(fact, phiArgs, context);
  if (!id) return undefined;
  const copy = new SourceCopy(context.facts);
  const edits = idRewrites(phiArgs, id, context, copy);
  return copy.mark({ title: `Send ${id.key} instead`, kind: 'fix', isPreferred: true, edits });
}
