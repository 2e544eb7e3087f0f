// Python string literals that could be credentials (hardcoded-ai-key) or PHI values (phi-literal),
// with what receives each: keyword, dict key, assignment target, parameter default, the other side
// of an `or`, the call it is passed to, and the record it sits in (`PATIENT = {...}`) with that
// record's other keys.

import type { Node } from 'web-tree-sitter';
import type { StringLiteralFact } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { mayBeCredential, mayBePhi, sourceRulesOutLiteral } from '../credential-literals';
import { aloneOnLines, realChildren } from '../syntax';
import { positionalArgs, prefixAndQuote, staticString } from './syntax';
import { parentOf } from '../../parsing/node-parents';

/** Calls with more arguments than this are generated code, not client constructors: context stays linear. */
const MAX_CALL_ARGS = 32;

/** The literal as a credential or PHI candidate, or undefined when it cannot be one (docstrings, f-strings, prose). */
export function stringLiteral(node: Node, text: string): StringLiteralFact | undefined {
  if (sourceRulesOutLiteral(text.slice(node.startIndex, node.endIndex))) return undefined;
  const parent = parentOf(node);
  const parentType = parent?.type;
  if (!parent || parentType === 'concatenated_string') return undefined;
  // A docstring is documentation, not a value.
  if (parentType === 'expression_statement' && parent.namedChildCount === 1) return undefined;
  let hasEscape = false;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    const type = child.type;
    if (type === 'interpolation') return undefined;
    if (type === 'string_content') value += child.text;
    else if (type === 'escape_sequence') {
      value += child.text;
      hasEscape = true;
    }
  }
  const credential = mayBeCredential(value);
  if (!credential && !mayBePhi(value)) return undefined;
  const { prefix, quote } = prefixAndQuote(node);
  const literal: StringLiteralFact = { value, range: rangeOf(node), quote, prefix, plain: !hasEscape && quote.length === 1 };
  if (credential) literal.credentialShaped = true;
  describeContext(node, literal, text);
  describeRecord(node, literal);
  return literal;
}

/** Levels read above a literal for its record names: a FHIR bundle in a fixture nests a dozen. */
const MAX_RECORD_DEPTH = 16;
const MAX_SIBLING_KEYS = 64;

/** The record the literal sits in (`PATIENT = {...}`, `Patient(ssn=...)`) and that record's other keys. */
function describeRecord(node: Node, literal: StringLiteralFact): void {
  let child: Node = node;
  let parent = parentOf(node);
  const names: string[] = [];
  let throughList = false;
  for (let depth = 0; parent && depth < MAX_RECORD_DEPTH * 2; depth++) {
    switch (parent.type) {
      case 'pair':
        if (child.id === parent.childForFieldName('key')?.id) return;
        if (depth > 0) names.push(staticString(parent.childForFieldName('key')) ?? '');
        break;
      case 'dictionary':
        if (!literal.siblingKeys) literal.siblingKeys = dictionaryKeys(parent);
        literal.recordId ??= parent.startIndex;
        // A FHIR resource's nested dicts and lists (name, telecom, address) are one record.
        if (literal.resourceId === undefined && dictionaryKeys(parent).includes('resourceType')) literal.resourceId = parent.startIndex;
        break;
      case 'keyword_argument':
        if (depth > 0) names.push(parent.childForFieldName('name')?.text ?? '');
        // A list that is one field of a record (`mrns=[HospitalNumber(mrn=...)]`) is that person's: one declaration again.
        throughList = false;
        if (!literal.siblingKeys && parentOf(parent)) literal.siblingKeys = keywordNames(parentOf(parent)!);
        break;
      case 'argument_list': {
        literal.recordId ??= parent.startIndex;
        const callee = parentOf(parent)?.childForFieldName('function')?.text;
        if (callee && callee.length <= 200) names.push(callee);
        break;
      }
      case 'assignment':
        if (depth > 0 || names.length > 0) names.push(parent.childForFieldName('left')?.text.slice(0, 200) ?? '');
        if (!throughList && depth > 0) literal.declarationId = parent.startIndex;
        parent = null;
        continue;
      case 'list':
      case 'tuple':
      case 'set':
        literal.recordId ??= parent.startIndex;
        throughList = true;
        break;
      case 'parenthesized_expression':
      case 'call':
        break;
      default:
        parent = null;
        continue;
    }
    child = parent;
    parent = parentOf(parent);
  }
  const record = names.filter(Boolean).reverse().join('.');
  if (record) literal.record = record;
}

function dictionaryKeys(dictionary: Node): string[] {
  const keys: string[] = [];
  for (const pair of dictionary.namedChildren) {
    if (keys.length >= MAX_SIBLING_KEYS) break;
    if (pair?.type !== 'pair') continue;
    const key = staticString(pair.childForFieldName('key'));
    if (key) keys.push(key);
  }
  return keys;
}

function keywordNames(args: Node): string[] {
  const names: string[] = [];
  for (const arg of args.namedChildren) {
    if (names.length >= MAX_SIBLING_KEYS) break;
    if (arg?.type === 'keyword_argument') names.push(arg.childForFieldName('name')?.text ?? '');
  }
  return names;
}

/** Where the literal goes: keyword, dict key, assignment target, parameter, and the receiving call. */
function describeContext(node: Node, literal: StringLiteralFact, text: string): void {
  let parent = parentOf(node);
  let child: Node = node;
  // `("sk-" "...")` and `(value)`: look through parentheses.
  while (parent?.type === 'parenthesized_expression') {
    child = parent;
    parent = parentOf(parent);
  }
  if (!parent) return;
  let callArgs: Node | null = null;
  const parentType = parent.type;
  // Calls with very many arguments (generated code) are not client constructors: stay linear.
  if (parentType === 'argument_list' && parent.namedChildCount > MAX_CALL_ARGS) return;
  switch (parentType) {
    case 'keyword_argument':
      literal.target = parent.childForFieldName('name')?.text;
      callArgs = parentOf(parent);
      break;
    case 'argument_list':
      callArgs = parent;
      literal.argIndex = realChildren(parent)
        .filter((c) => c.type !== 'keyword_argument')
        .findIndex((c) => c.id === child.id);
      break;
    case 'pair': {
      if (parent.childForFieldName('value')?.id !== child.id) return;
      const key = parent.childForFieldName('key');
      literal.target = key ? (staticString(key) ?? key.text) : undefined;
      let container: Node | null = parentOf(parent);
      if (parentOf(container)?.type === 'dictionary_splat') container = parentOf(container);
      if (parentOf(container)?.type === 'keyword_argument') container = parentOf(container);
      if (parentOf(container)?.type === 'argument_list') callArgs = parentOf(container);
      break;
    }
    case 'assignment': {
      if (parent.childForFieldName('right')?.id !== child.id) return;
      literal.target = parent.childForFieldName('left')?.text;
      const statement = parentOf(parent);
      if (statement?.type === 'expression_statement' && aloneOnLines(statement, text)) literal.statement = rangeOf(statement);
      break;
    }
    case 'default_parameter':
    case 'typed_default_parameter':
      literal.target = parent.childForFieldName('name')?.text;
      break;
    case 'boolean_operator': {
      // `os.getenv("OPENAI_API_KEY") or "sk-..."`: named by the other side.
      const other = parent.childForFieldName('left')?.id === child.id ? parent.childForFieldName('right') : parent.childForFieldName('left');
      literal.target = other?.text.slice(0, 200);
      break;
    }
  }
  const call = callArgs?.type === 'argument_list' && callArgs.namedChildCount <= MAX_CALL_ARGS ? parentOf(callArgs) : null;
  if (call?.type === 'call') {
    literal.callee = call.childForFieldName('function')?.text.slice(0, 200);
    const first = positionalArgs(call)[0];
    literal.calleeFirstString = staticString(first);
  }
}
