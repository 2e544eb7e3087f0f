// A Flask route whose handler runs an access check that refuses other callers (`institute_and_case(
// store, institute_id)`, which calls `abort(403)`), in an app whose `before_request` hook records who
// asked for which path (workspace/flask-activity-hooks.ts): access is role-checked in the handler
// and logged app-wide, a control under the project's own names (docs/rules/missing-phi-access.md).
// The check must run on every path through the handler (a statement of the handler's own body, not
// under an `if`) and before the handler changes anything; a handler that deletes a record first and
// checks later, or checks on one branch only, is still reported.

import * as path from 'node:path';
import type { AuditControl, EndpointFact } from '../../../model/endpoints';
import { calleePath } from '../../../model/expressions';
import type { CallFact, FileFacts, ScopeFact } from '../../../model/facts';
import { callsIn } from '../../../model/facts-index';
import { tokenize } from '../../phi/identifiers';
import { refusesAsForbidden } from '../access-denial';
import type { ControlsInput } from './context-controls';

const FLASK_FRAMEWORKS = new Set(['flask', 'quart']);
/** First words of a call that changes records (`store.delete_evaluation`, `store.update_status`, `db.session.add`). */
const WRITE_WORDS = new Set([
  'delete', 'remove', 'destroy', 'drop', 'purge', 'erase', 'update', 'insert', 'save', 'create', 'add', 'set', 'upsert', 'replace',
  'write', 'modify', 'edit', 'patch', 'submit', 'mark', 'unmark', 'pin', 'unpin', 'reset', 'commit',
]);

export function flaskCheckedAndLogged(endpoint: EndpointFact, scope: ScopeFact | undefined, input: ControlsInput): AuditControl | undefined {
  if (!scope || scope.kind !== 'function' || !FLASK_FRAMEWORKS.has(endpoint.framework)) return undefined;
  const file = path.resolve(input.filePath);
  const hook = (input.auditContext?.flaskActivityHooks ?? []).find((candidate) => isInside(file, candidate.projectRoot));
  if (!hook) return undefined;
  const refusal = input.flow?.hooks.accessRefusalBehind?.bind(input.flow.hooks);
  // The handler's own calls: a check in a nested function it may never run does not count.
  const calls = callsIn(input.facts, scope.id);
  const bodyIndent = firstStatementIndent(input.facts, scope);
  const check = calls.find(
    (fact) => indentOf(input.facts, fact.call.range.start.line) === bodyIndent && (refusesAsForbidden(input.facts, fact.call) || !!refusal?.(fact.call.callee, fact.scopeId)),
  );
  if (!check || calls.some((fact) => changesRecords(fact) && before(fact, check))) return undefined;
  return { kind: 'middleware', name: hook.name, level: 'app', range: endpoint.range, existing: true };
}

function changesRecords(fact: CallFact): boolean {
  const callee = calleePath(fact.call.callee);
  if (!callee || callee.length < 2) return false;
  const first = tokenize(callee[callee.length - 1])[0];
  return first !== undefined && WRITE_WORDS.has(first);
}

function before(a: CallFact, b: CallFact): boolean {
  const x = a.call.range.start;
  const y = b.call.range.start;
  return x.line < y.line || (x.line === y.line && x.character < y.character);
}

/** The indentation of the handler body's first statement (after its signature and any docstring). */
function firstStatementIndent(facts: FileFacts, scope: ScopeFact): number | undefined {
  const start = (scope.nameRange?.end.line ?? scope.range.start.line) + 1;
  for (let line = start; line <= scope.range.end.line; line++) {
    const text = lineText(facts, line);
    if (text.trim() && !/^\s*(#|\)|->)/.test(text)) return text.length - text.trimStart().length;
  }
  return undefined;
}

function indentOf(facts: FileFacts, line: number): number {
  const text = lineText(facts, line);
  return text.length - text.trimStart().length;
}

function lineText(facts: FileFacts, line: number): string {
  const start = facts.lineStarts[line] ?? facts.text.length;
  const end = facts.lineStarts[line + 1] ?? facts.text.length;
  return facts.text.slice(start, end).replace(/\r?\n$/, '');
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
