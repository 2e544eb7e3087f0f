// Whether a TS parameter annotation types its value as objects only (`DiagnosticReport[]`,
// `Array<Order>`, `LabOrderDTO`): such a value written by its string form in a template
// literal prints `[object Object]`, never its fields (RULES.md, "Whole records"). Anything that
// may be a primitive keeps the answer no: `string`, `any`, a literal type, a union with one, a
// type parameter (`T`), and the object types whose string form is their content (`Date`, `String`).

import type { Node } from 'web-tree-sitter';

/** Node kinds that admit a primitive or an unknown value somewhere in the annotation. */
const PRIMITIVE_KINDS = new Set(['predefined_type', 'literal_type', 'template_literal_type', 'type_query', 'conditional_type', 'lookup_type', 'index_type_query', 'infer_type']);

/** Named types whose string form shows their value. */
const PRINTING_TYPES = new Set(['String', 'Number', 'Boolean', 'BigInt', 'Symbol', 'Date', 'Buffer', 'URL', 'Error', 'Dayjs', 'Moment', 'DateTime']);

export function isObjectTypedAnnotation(annotation: Node): boolean {
  let named = 0;
  const stack = [annotation];
  for (let seen = 0; stack.length && seen < 200; seen++) {
    const current = stack.pop()!;
    if (PRIMITIVE_KINDS.has(current.type)) return false;
    if (current.type === 'type_identifier') {
      // A one-letter name is a type parameter, whatever a caller puts in it.
      if (current.text.length < 2 || PRINTING_TYPES.has(current.text)) return false;
      named++;
      continue;
    }
    stack.push(...current.namedChildren);
  }
  return named > 0 && !stack.length;
}
