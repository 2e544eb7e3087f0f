// The HTTP shape of each operation, shared by every framework's templates.

import type { ResourceNames } from '../names';
import type { DataCategory, ScaffoldOperation } from '../types';

export interface OperationShape {
  operation: ScaffoldOperation;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Acts on one record (has the record's id in the path) rather than on the collection. */
  item: boolean;
  /** Success status. */
  status: 200 | 201 | 204;
  /** Verb for names and docs. */
  verb: string;
  /** Past tense for log messages. */
  past: string;
}

export const OPERATION_SHAPES: Record<ScaffoldOperation, OperationShape> = {
  read: { operation: 'read', method: 'GET', item: true, status: 200, verb: 'read', past: 'read' },
  create: { operation: 'create', method: 'POST', item: false, status: 201, verb: 'create', past: 'created' },
  update: { operation: 'update', method: 'PUT', item: true, status: 200, verb: 'update', past: 'updated' },
  delete: { operation: 'delete', method: 'DELETE', item: true, status: 204, verb: 'delete', past: 'deleted' },
};

/** Generated operations in a stable order (create first, so tests read like a record's life). */
export function orderedOperations(operations: readonly ScaffoldOperation[]): OperationShape[] {
  const order: ScaffoldOperation[] = ['create', 'read', 'update', 'delete'];
  return order.filter((op) => operations.includes(op)).map((op) => OPERATION_SHAPES[op]);
}

/** Path segments: `patients/{patient_id}/lab-results/{lab_result_id}` in a framework's parameter syntax. */
export function routePath(names: ResourceNames, item: boolean, param: (name: string) => string, style: 'snake' | 'camel'): string {
  const patientParam = style === 'snake' ? 'patient_id' : 'patientId';
  if (names.isPatient) return item ? `/patients/${param(patientParam)}` : '/patients';
  const collection = `/patients/${param(patientParam)}/${names.kebabPlural}`;
  return item ? `${collection}/${param(idParam(names, style))}` : collection;
}

/** The record id's path parameter (`lab_result_id` / `labResultId`; the patient's own id for patients). */
export function idParam(names: ResourceNames, style: 'snake' | 'camel'): string {
  if (names.isPatient) return style === 'snake' ? 'patient_id' : 'patientId';
  return style === 'snake' ? `${names.snake}_id` : `${names.camel}Id`;
}

/** What every framework's templates are given: the resource, its operations, and who may use them. */
export interface TemplateInputBase {
  names: ResourceNames;
  operations: OperationShape[];
  category: DataCategory;
  roles: string[];
  roleMap: Record<string, string[]>;
}
