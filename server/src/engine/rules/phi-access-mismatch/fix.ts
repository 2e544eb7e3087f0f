// The fix of phi-access-mismatch: the endpoint's own audit control corrected in place (the
// action for the HTTP method, the missing data category or roles, roles the policy permits),
// or rewritten whole when its arguments cannot be edited one by one.

import type { ResolvedPolicy } from '../../model/policy';
import { actionFor, categoryFor, rolesFor, type AuditProblem } from '../../analysis/endpoints/audit-check';
import type { AuditControl, EndpointFact } from '../../model/endpoints';
import type { FileFacts } from '../../model/facts';
import { point, preferredQuote, pythonArgs, tsObject, type AuditArguments } from '../../fixes/audit-arguments';
import type { Fix, TextEdit } from '../../model/types';

export function correctAuditFix(endpoint: EndpointFact, problems: readonly AuditProblem[], facts: FileFacts, policy: ResolvedPolicy): Fix | undefined {
  const audit = endpoint.audit;
  if (!audit || !problems.length) return undefined;
  const quote = preferredQuote(facts);
  const python = facts.language === 'python';
  const literal = (value: string) => `${quote}${value}${quote}`;
  const list = (values: string[]) => `[${values.map(literal).join(', ')}]`;
  const insertion = audit.insertion;
  if (!insertion) return undefined;

  if (insertion.style === 'replace') {
    const args = correctedArguments(audit, problems, endpoint, policy);
    const name = audit.name || (python ? policy.audit.python.decorator : policy.audit.typescript.middleware);
    const text = `${name}(${python ? pythonArgs(args, quote) : tsObject(args, quote)})`;
    return { title: `Correct ${name}(...)`, kind: 'fix', isPreferred: true, edits: [{ range: insertion.range, newText: text }] };
  }

  const edits: TextEdit[] = [];
  const added: string[] = [];
  const titles: string[] = [];
  for (const problem of problems) {
    switch (problem.kind) {
      case 'action-wrong': {
        // A project's own control keeps its own spelling (`VIEW` -> `WRITE`).
        const word = endpoint.audit?.existing && problem.actual === problem.actual.toUpperCase() ? problem.expected.toUpperCase() : problem.expected;
        edits.push({ range: problem.argument.range, newText: literal(word) });
        titles.push(python ? `action=${literal(word)}` : `action: ${literal(word)}`);
        break;
      }
      case 'category-invalid':
        edits.push({ range: problem.argument.range, newText: literal(problem.expected) });
        titles.push(python ? `data_category=${literal(problem.expected)}` : `dataCategory: ${literal(problem.expected)}`);
        break;
      case 'roles-not-permitted':
        edits.push({ range: problem.argument.range, newText: list(problem.replacement) });
        titles.push(python ? `roles=${list(problem.replacement)}` : `roles: ${list(problem.replacement)}`);
        break;
      case 'action-missing':
        added.push(python ? `action=${literal(problem.expected)}` : `action: ${literal(problem.expected)}`);
        break;
      case 'category-missing':
        added.push(python ? `data_category=${literal(problem.expected)}` : `dataCategory: ${literal(problem.expected)}`);
        break;
      case 'roles-missing':
        added.push(python ? `roles=${list(problem.expected)}` : `roles: ${list(problem.expected)}`);
        break;
    }
  }
  if (added.length) {
    titles.push(...added);
    const position = insertion.position;
    const text =
      insertion.style === 'python-kwargs'
        ? `${insertion.hasArguments ? ', ' : ''}${added.join(', ')}`
        : insertion.hasEntries
          ? `, ${added.join(', ')}`
          : ` ${added.join(', ')} `;
    // `roles=[]` is replaced rather than added to.
    const emptyRoles = audit.roles && audit.roles.values?.length === 0 && problems.some((p) => p.kind === 'roles-missing');
    if (emptyRoles && audit.roles) {
      const roles = problems.find((p): p is Extract<AuditProblem, { kind: 'roles-missing' }> => p.kind === 'roles-missing')!;
      edits.push({ range: audit.roles.range, newText: list(roles.expected) });
      const remaining = added.filter((entry) => !/^roles/.test(entry));
      if (remaining.length) {
        const partial =
          insertion.style === 'python-kwargs' ? `, ${remaining.join(', ')}` : `, ${remaining.join(', ')}`;
        edits.push({ range: point(position.line, position.character), newText: partial });
      }
    } else {
      edits.push({ range: point(position.line, position.character), newText: text });
    }
  }
  return { title: `Correct the audit control: ${titles.join(', ')}`, kind: 'fix', isPreferred: true, edits };
}

function correctedArguments(audit: AuditControl, problems: readonly AuditProblem[], endpoint: EndpointFact, policy: ResolvedPolicy): AuditArguments {
  const category = problems.some((p) => p.kind === 'category-missing' || p.kind === 'category-invalid')
    ? categoryFor(endpoint)
    : (audit.dataCategory?.values?.[0] ?? categoryFor(endpoint));
  const rolesProblem = problems.find((p) => p.kind === 'roles-not-permitted');
  const roles =
    rolesProblem?.kind === 'roles-not-permitted'
      ? rolesProblem.replacement
      : audit.roles?.values?.length
        ? audit.roles.values
        : rolesFor(policy, category);
  const action = problems.some((p) => p.kind === 'action-missing' || p.kind === 'action-wrong')
    ? actionFor(endpoint)
    : (audit.action?.values?.[0] ?? actionFor(endpoint));
  return { action, category, roles };
}
