// TypeScript / JavaScript string literals that could be credentials (hardcoded-ai-key) or PHI
// values (phi-literal), with the record they sit in (`const PATIENT = {...}`) and what receives each: option key (through nested option objects), declared name, assignment
// target, class field, parameter default, JSX attribute, the other side of `??` / `||`, and the
// call or constructor it is passed to. Literals that name something (imports, keys, literal
// types) are marked: no expression may replace them.

import type { Node } from 'web-tree-sitter';
import type { StringLiteralFact } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { mayBeCredential, mayBePhi, sourceRulesOutLiteral } from '../credential-literals';
import { aloneOnLines, realChildren } from '../syntax';
import { VALUE_WRAPPERS, propertyKey, staticString } from './syntax';
import { parentOf } from '../../parsing/node-parents';

/** Calls with more arguments than this are generated code, not client constructors: context stays linear. */
const MAX_CALL_ARGS = 32;

/** The literal as a credential candidate, or undefined when it cannot be one (prose, substitutions). */
export function stringLiteral(node: Node, text: string): StringLiteralFact | undefined {
  if (sourceRulesOutLiteral(text.slice(node.startIndex, node.endIndex))) return undefined;
  let value: string;
  let plain: boolean;
  if (node.type === 'template_string') {
    if (node.namedChildren.some((child) => child?.type === 'template_substitution')) return undefined;
    value = node.text.slice(1, -1);
    plain = !value.includes('\\');
  } else {
    value = node.namedChildren.map((child) => child?.text ?? '').join('');
    plain = !node.namedChildren.some((child) => child?.type === 'escape_sequence');
  }
  const credential = mayBeCredential(value);
  if (!credential && !mayBePhi(value)) return undefined;
  const literal: StringLiteralFact = { value, range: rangeOf(node), quote: node.text[0] ?? "'", prefix: '', plain };
  if (credential) literal.credentialShaped = true;
  if (isNamePosition(node)) literal.namePosition = true;
  describeContext(node, literal, text);
  if (!literal.namePosition) describeRecord(node, literal);
  return literal;
}

/** Nodes read above a literal for its record names: a FHIR bundle in a mock nests a dozen levels. */
const MAX_RECORD_DEPTH = 32;
const MAX_SIBLING_KEYS = 64;

/** The record the literal sits in (`const PATIENT = {...}`, `createPatient({...})`) and that record's other keys. */
function describeRecord(node: Node, literal: StringLiteralFact): void {
  let parent = parentOf(node);
  const names: string[] = [];
  let throughList = false;
  for (let depth = 0; parent && depth < MAX_RECORD_DEPTH; depth++) {
    switch (parent.type) {
      case 'pair':
        if (depth > 0) names.push(propertyKey(parent) ?? '');
        break;
      case 'object':
        if (!literal.siblingKeys) literal.siblingKeys = objectKeys(parent);
        literal.recordId ??= parent.startIndex;
        if (literal.resourceId === undefined && isFhirResource(parent)) literal.resourceId = parent.startIndex;
        break;
      case 'arguments': {
        const call = parentOf(parent);
        const callee = call?.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function')?.text;
        if (callee && callee.length <= 200) names.push(callee);
        break;
      }
      case 'variable_declarator':
        if (depth > 0) names.push(parent.childForFieldName('name')?.text.slice(0, 200) ?? '');
        if (!throughList) literal.declarationId = parent.startIndex;
        parent = null;
        continue;
      case 'assignment_expression':
        if (depth > 0) names.push(parent.childForFieldName('left')?.text.slice(0, 200) ?? '');
        if (!throughList) literal.declarationId = parent.startIndex;
        parent = null;
        continue;
      case 'array':
        literal.recordId ??= parent.startIndex;
        throughList = true;
        break;
      case 'call_expression':
      case 'new_expression':
        break;
      default:
        if (!VALUE_WRAPPERS.has(parent.type)) {
          parent = null;
          continue;
        }
    }
    parent = parentOf(parent);
  }
  const record = names.filter(Boolean).reverse().join('.');
  if (record) literal.record = record;
}

/** `{ resourceType: 'Patient', name: [...], telecom: [...] }`: its nested objects and lists are one record. */
function isFhirResource(object: Node): boolean {
  return object.namedChildren.some((entry) => entry?.type === 'pair' && propertyKey(entry) === 'resourceType');
}

function objectKeys(object: Node): string[] {
  const keys: string[] = [];
  for (const entry of object.namedChildren) {
    if (keys.length >= MAX_SIBLING_KEYS) break;
    if (entry?.type !== 'pair') continue;
    const key = propertyKey(entry);
    if (key) keys.push(key);
  }
  return keys;
}

/** `import x from 'y'`, `{ 'k': v }`, `class A { 'm'() {} }`, `type T = 'x'`: names, not values. */
function isNamePosition(node: Node): boolean {
  const parent = parentOf(node);
  if (!parent) return false;
  const type = parent.type;
  if (type === 'literal_type' || type === 'import_require_clause' || type === 'module' || type === 'internal_module') return true;
  return ['source', 'key', 'name'].some((field) => parent.childForFieldName(field)?.id === node.id);
}

function describeContext(node: Node, literal: StringLiteralFact, text: string): void {
  let child: Node = node;
  let parent = parentOf(node);
  while (parent && VALUE_WRAPPERS.has(parent.type)) {
    child = parent;
    parent = parentOf(parent);
  }
  if (!parent) return;
  let args: Node | null = null;
  const parentType = parent.type;
  // Calls with very many arguments (generated code) are not client constructors: stay linear.
  if (parentType === 'arguments' && parent.namedChildCount > MAX_CALL_ARGS) return;
  switch (parentType) {
    case 'pair': {
      if (parent.childForFieldName('value')?.id !== child.id) return;
      literal.target = propertyKey(parent);
      // Up through nested option objects: `new BedrockRuntimeClient({ credentials: { accessKeyId: '...' } })`.
      let container: Node | null = parentOf(parent);
      for (let depth = 0; container && depth < 3; depth++) {
        if (parentOf(container)?.type === 'arguments') {
          args = parentOf(container);
          break;
        }
        if (parentOf(container)?.type !== 'pair') break;
        container = parentOf(parentOf(container));
      }
      break;
    }
    case 'arguments':
      args = parent;
      literal.argIndex = realChildren(parent).findIndex((c) => c.id === child.id);
      break;
    case 'variable_declarator':
      literal.target = parent.childForFieldName('name')?.text;
      break;
    case 'assignment_expression': {
      if (parent.childForFieldName('right')?.id !== child.id) return;
      literal.target = parent.childForFieldName('left')?.text;
      const statement = parentOf(parent);
      if (statement?.type === 'expression_statement' && aloneOnLines(statement, text)) literal.statement = rangeOf(statement);
      break;
    }
    case 'public_field_definition':
    case 'field_definition':
      literal.target = (parent.childForFieldName('name') ?? parent.childForFieldName('property'))?.text;
      break;
    case 'required_parameter':
    case 'optional_parameter':
      literal.target = parent.childForFieldName('pattern')?.text;
      break;
    case 'assignment_pattern':
      literal.target = parent.childForFieldName('left')?.text;
      break;
    case 'binary_expression': {
      // `process.env.OPENAI_API_KEY ?? 'sk-...'`: named by the other side.
      const other = parent.childForFieldName('left')?.id === child.id ? parent.childForFieldName('right') : parent.childForFieldName('left');
      literal.target = other?.text.slice(0, 200);
      break;
    }
    case 'jsx_attribute':
      literal.target = parent.namedChildren[0]?.text;
      break;
  }
  const call = args && args.namedChildCount <= MAX_CALL_ARGS ? parentOf(args) : undefined;
  if (call && (call.type === 'call_expression' || call.type === 'new_expression')) {
    literal.callee = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function')?.text.slice(0, 200);
    const first = realChildren(args!)[0];
    literal.calleeFirstString = staticString(first);
  }
}
