// A value the same function matches against a field of an organisation's row is that
// organisation's (docs/rules/phi-in-error.md, "What stays quiet"): after
// `prisma.insuranceProvider.findFirst({ where: { licenseNumber: data.licenseNumber } })`,
// `` throw new AppError(`Insurance provider with license number "${data.licenseNumber}" already exists`) ``
// names an insurer's licence, not a person's, whatever the catalogue calls a `license_number`.
// Only tables named for an organisation or a care provider count (an insurer, a pharmacy, a
// clinic, a doctor: the contract's non-person entities); a patient's insurance policy, looked up
// in `insurance` or `patientInsurance`, is the patient's and stays reported.

import type { Argument, CallFact, Expr, FileFacts } from '../../model/facts';
import { calleePath } from '../../model/expressions';
import { enclosingFunctions } from '../../model/facts-index';
import { exprLabel } from '../flow/expr-label';
import { tokenize } from '../phi/identifiers';
import { phiParts, type TaintOf } from './message-parts';

/** Last words of a table's name that make its rows organisations or care providers, not patients. */
const ORGANISATION_WORDS = new Set([
  'insurer', 'insurers', 'payer', 'payers', 'provider', 'providers', 'organization', 'organizations', 'organisation', 'organisations',
  'company', 'companies', 'hospital', 'hospitals', 'clinic', 'clinics', 'facility', 'facilities', 'pharmacy', 'pharmacies',
  'vendor', 'vendors', 'supplier', 'suppliers', 'laboratory', 'laboratories', 'practice', 'practices', 'department', 'departments',
  'doctor', 'doctors', 'physician', 'physicians', 'practitioner', 'practitioners',
]);

/** Words that tie a table's rows to a patient (`patientProvider`, `memberInsurer`): not an organisation's. */
const PERSON_WORDS = new Set(['patient', 'patients', 'member', 'members', 'client', 'clients', 'person', 'beneficiary', 'subscriber', 'enrollee']);

/** Query methods of ORM models (Prisma, Mongoose, Sequelize, TypeORM) given a filter. */
const QUERY_METHODS = new Set(['findFirst', 'findUnique', 'findMany', 'findOne', 'find', 'findAll', 'count', 'exists', 'findOneBy', 'findBy']);

const MAX_DEPTH = 4;

/** Every PHI part of the call's arguments is a value the enclosing function matches against an organisation's field. */
export function onlyOrganisationFieldsLookedUp(facts: FileFacts, fact: CallFact, args: readonly Argument[], taintOf: TaintOf): boolean {
  const parts = args.flatMap((arg) => phiParts(arg.value, taintOf));
  if (!parts.length) return false;
  const matched = organisationFilterValues(facts, fact);
  return matched.size > 0 && parts.every(({ expr, taint }) => !taint.record && matched.has(exprLabel(expr)));
}

/** The values (by their text) the function around `fact` matches in a query on an organisation's table. */
function organisationFilterValues(facts: FileFacts, fact: CallFact): Set<string> {
  const values = new Set<string>();
  const fn = enclosingFunctions(facts, fact.scopeId)[0]?.id;
  if (fn === undefined) return values;
  for (const call of facts.calls) {
    if (call === fact || enclosingFunctions(facts, call.scopeId)[0]?.id !== fn) continue;
    const path = calleePath(call.call.callee);
    if (!path || path.length < 2 || !QUERY_METHODS.has(path[path.length - 1]) || !isOrganisationTable(path[path.length - 2])) continue;
    const filter = call.call.args[0]?.value;
    if (filter) collectFilterValues(filter, values, 0);
  }
  return values;
}

function isOrganisationTable(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.length > 0 && ORGANISATION_WORDS.has(tokens[tokens.length - 1]) && !tokens.some((token) => PERSON_WORDS.has(token));
}

/** `{ where: { licenseNumber: x } }` (Prisma, Sequelize) or `{ licenseNumber: x }` (Mongoose): the values matched. */
function collectFilterValues(expr: Expr, values: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || expr.kind !== 'object') return;
  const where = expr.entries.find((entry) => entry.key === 'where' && !entry.spread);
  if (where) return collectFilterValues(where.value, values, depth + 1);
  for (const entry of expr.entries) {
    if (entry.spread) continue;
    if (entry.value.kind === 'name' || entry.value.kind === 'member') values.add(exprLabel(entry.value));
  }
}
