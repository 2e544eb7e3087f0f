// A handler's request inputs as evidence of patient data: a request schema of the file whose
// fields are PHI, and the reads of request inputs (`req.query`, `req.params`) whose keys name a
// patient-like record.

import { calleePath } from '../../model/expressions';
import type { Expr, FileFacts } from '../../model/facts';
import { bindingsIn } from '../../model/facts-index';
import type { PhiCategory } from '../../model/types';
import type { FlowAnalyzer } from '../flow/flow';
import { resourcesOf } from './resources';

/**
 * A request schema of the file whose fields are PHI (`const IntakeDto = z.object({ patientName,
 * dob, medicareId })` behind `body: z.infer<typeof IntakeDto>`): the handler takes a patient's
 * data whatever the schema is called. Two PHI fields at least, one of them more than contact data.
 */
export function schemaPhiCategories(typeName: string, facts: FileFacts, flow: FlowAnalyzer): PhiCategory[] {
  const schema = bindingsIn(facts, 0).find((binding) => binding.name === typeName);
  if (!schema) return [];
  const categories: PhiCategory[] = [];
  let beyondContact = false;
  for (const key of objectKeys(schema.value)) {
    const found = flow.classifier.classify(key);
    if (found.kind !== 'element' && found.kind !== 'record') continue;
    categories.push(found.category);
    if (found.kind === 'record' || !CONTACT_ELEMENTS.has(found.element) || resourcesOf(key).length > 0) beyondContact = true;
  }
  return categories.length >= 2 && beyondContact ? categories : [];
}

/** Methods of a validation schema that check a value against it (zod, Joi, yup, valibot). */
export const SCHEMA_CHECKS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateAsync', 'validateSync']);

/**
 * Whether `name` is defined at module level as an object schema with keys (`const notifyPatientSchema =
 * z.object({ entryId, slot })`, `Joi.object({...})`, `yup.object().shape({...})`).
 */
export function isRequestSchema(name: string, facts: FileFacts): boolean {
  const binding = bindingsIn(facts, 0).find((candidate) => candidate.name === name && !candidate.property);
  return !!binding && binding.value.kind === 'call' && definesObjectSchema(binding.value) && objectKeys(binding.value).length > 0;
}

/** A call chain that builds an object schema: one of its callees is `object` or `shape`. */
function definesObjectSchema(expr: Expr, depth = 0): boolean {
  if (depth > 8 || expr.kind !== 'call') return false;
  const path = calleePath(expr.callee) ?? [];
  if (path.some((segment) => segment === 'object' || segment === 'shape' || segment === 'strictObject')) return true;
  return expr.callee.kind === 'member' && definesObjectSchema(expr.callee.object, depth + 1);
}

/**
 * Contact fields every person has, staff and organisations too (`CreateUserDto`: name, e-mail,
 * phone): a schema of these alone is not a patient's. A birth date, an insurance or Medicare id,
 * a diagnosis or a field named after the patient (`patientName`) is.
 */
const CONTACT_ELEMENTS = new Set(['name', 'email', 'phone', 'fax', 'address', 'city', 'zip_code', 'url', 'ip_address']);

/** The keys of the object literals in a schema's definition (`z.object({...}).strict()`), bounded. */
function objectKeys(expr: Expr, out: string[] = [], depth = 0): string[] {
  if (depth > 6 || out.length > 64) return out;
  if (expr.kind === 'object') for (const entry of expr.entries) if (entry.key) out.push(entry.key);
  if (expr.kind === 'call') {
    if (expr.callee.kind === 'member') objectKeys(expr.callee.object, out, depth + 1);
    for (const arg of expr.args) objectKeys(arg.value, out, depth + 1);
  }
  if (expr.kind === 'other') for (const child of expr.children) objectKeys(child, out, depth + 1);
  return out;
}

/** Where a request's inputs are read (`req.query`, `request.params.id`, `ctx.request.body`). */
const REQUEST_OBJECTS = new Set(['req', 'request', 'ctx', 'c']);
const REQUEST_INPUTS = new Set(['query', 'params', 'body', 'param']);

export function readsRequestInput(expr: Expr): boolean {
  const path = calleePath(expr) ?? [];
  return path.length >= 2 && REQUEST_OBJECTS.has(path[0]) && path.slice(1, 3).some((segment) => REQUEST_INPUTS.has(segment));
}
