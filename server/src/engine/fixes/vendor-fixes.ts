// Fixes for PHI sent to a vendor: send the record id instead (events, tags, identify calls), or
// wrap the value in the policy's de-identification function (AI calls).

import type { CallFact } from '../facts';
import type { ResolvedPolicy } from '../../policy/types';
import type { Fix, TextEdit } from '../types';
import { addImport } from './imports';
import type { MessageContext } from './message';
import { idExpression, rewriteWithId, type PhiArgument } from './patient-id';
import { splitQualifiedName } from './secure-debug';
import { SourceCopy } from './source-copy';

export function sendIdInsteadFix(fact: CallFact, phiArgs: PhiArgument[], context: MessageContext): Fix | undefined {
  const id = idExpression(fact, phiArgs, context);
  if (!id) return undefined;
  const copy = new SourceCopy(context.facts);
  const edits = phiArgs.map(({ arg }) => ({ range: arg.value.range, newText: rewriteWithId(arg.value, id, context, copy) }));
  const key = context.facts.language === 'python' ? 'patient_id' : 'patientId';
  return copy.mark({ title: `Send ${key} instead`, kind: 'fix', isPreferred: true, edits });
}

export function deidentifyFix(fact: CallFact, phiArgs: PhiArgument[], context: MessageContext, policy: ResolvedPolicy): Fix | undefined {
  const sanitizer = policy.phi.sanitizers[0];
  if (!sanitizer) return undefined;
  const { module, name } = splitQualifiedName(sanitizer, context.facts.language);
  const copy = new SourceCopy(context.facts);
  const edits: TextEdit[] = phiArgs.map(({ arg }) => ({ range: arg.value.range, newText: `${name}(${copy.of(arg.value.range)})` }));
  const importEdit = module ? addImport(context.facts, module, name) : undefined;
  if (importEdit) edits.push(importEdit);
  return copy.mark({ title: `De-identify before sending (${name})`, kind: 'fix', isPreferred: true, edits });
}
