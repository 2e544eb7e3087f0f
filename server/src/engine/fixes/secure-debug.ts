// *Send to the secure debug log*: when the policy names a secure debug function
// (`secureDebug`), the call keeps its arguments and goes there instead of the ordinary log.

import type { CallFact, FileFacts } from '../facts';
import type { ResolvedPolicy } from '../../policy/types';
import type { Fix, TextEdit } from '../types';
import { addImport } from './imports';

export function secureDebugFix(fact: CallFact, facts: FileFacts, policy: ResolvedPolicy): Fix | undefined {
  const target = facts.language === 'python' ? policy.secureDebug.python : policy.secureDebug.typescript;
  if (!target) return undefined;
  const { module, name } = splitQualifiedName(target, facts.language);
  const edits: TextEdit[] = [{ range: fact.call.callee.range, newText: name }];
  const importEdit = module ? addImport(facts, module, name) : undefined;
  if (importEdit) edits.push(importEdit);
  return { title: `Send to the secure debug log (${name})`, kind: 'secure-debug', isPreferred: false, edits };
}

/** `app.security.debug.phi_debug` -> module `app.security.debug`, name `phi_debug`; `@/x#phiDebug` for TS. */
export function splitQualifiedName(target: string, language: 'python' | 'ts'): { module?: string; name: string } {
  if (language === 'ts') {
    const hash = target.lastIndexOf('#');
    return hash > 0 ? { module: target.slice(0, hash), name: target.slice(hash + 1) } : { name: target };
  }
  const dot = target.lastIndexOf('.');
  return dot > 0 ? { module: target.slice(0, dot), name: target.slice(dot + 1) } : { name: target };
}
