// The fix of phi-to-ai, *De-identify before sending*: the PHI passed to the AI call is wrapped
// in the policy's first sanitizer (its de-identification function), with the import it needs.

import type { ResolvedPolicy } from '../../model/policy';
import type { CallFact } from '../../model/facts';
import { addImport, splitQualifiedName } from '../../fixes/imports';
import type { MessageContext } from '../../fixes/message-context';
import type { PhiArgument } from '../../fixes/patient-id';
import { SourceCopy } from '../../fixes/source-copy';
import type { Fix, TextEdit } from '../../model/types';

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
