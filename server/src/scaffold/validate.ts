// Validation of the generator's inputs. Every message is short and names the problem, so the
// InputBox (validateInput) and the CLI (exit 2) can show it as it is.

import { identifierTokens, resourceNames } from './names';
import { primaryCategory, resourcesOf } from '../engine/analysis/endpoints/resources';
import { DATA_CATEGORIES, SCAFFOLD_FRAMEWORKS, SCAFFOLD_OPERATIONS, type DataCategory, type ScaffoldOptions } from './types';

export const RESOURCE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const PYTHON_KEYWORDS = [
  'false', 'none', 'true', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type',
];
const JS_RESERVED = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'let',
  'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this', 'throw',
  'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'await', 'arguments', 'eval', 'undefined', 'nan',
  'infinity', 'constructor', 'prototype',
];
/** Names the generated code or its folders already use: a resource with one of them would shadow it. */
const GENERATED_NAMES = [
  'app', 'router', 'routers', 'routes', 'security', 'audit', 'test', 'tests', 'main', 'index', 'init', 'logger', 'logging',
  'request', 'response', 'status', 'express', 'fastify', 'fastapi', 'pydantic', 'typing', 'uuid', 'self', 'object', 'string',
  'number', 'boolean', 'symbol', 'any', 'never', 'unknown', 'id', 'ids', 'phi', 'phi_access', 'phiaccess', 'node_modules',
  'con', 'prn', 'aux', 'nul', 'com1', 'lpt1',
];
export const RESERVED_WORDS: ReadonlySet<string> = new Set([...PYTHON_KEYWORDS, ...JS_RESERVED, ...GENERATED_NAMES]);

/** Why `name` cannot be a resource name, or undefined when it can. */
export function resourceNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter a resource name, e.g. lab_result';
  if (/[\\/]|\.\./.test(trimmed) || trimmed.startsWith('.')) return 'A resource name cannot contain a path (/, \\ or ..)';
  if (!RESOURCE_NAME_PATTERN.test(trimmed)) {
    return trimmed.length > 64
      ? 'A resource name has at most 64 characters'
      : 'Use letters, digits and underscores, starting with a letter (e.g. lab_result)';
  }
  const tokens = identifierTokens(trimmed);
  if (tokens.length === 0) return 'Use letters, digits and underscores, starting with a letter (e.g. lab_result)';
  if (tokens[tokens.length - 1] === 'id') return 'Name the record, not its id (e.g. lab_result, not lab_result_id)';
  const names = resourceNames(trimmed);
  for (const candidate of [trimmed.toLowerCase(), names.snake, names.snakePlural, names.camel.toLowerCase(), names.camelPlural.toLowerCase()]) {
    if (RESERVED_WORDS.has(candidate)) return `'${trimmed}' is a reserved word in Python, JavaScript or the generated code`;
  }
  return undefined;
}

/** Roles that may access `category` under `roleMap`. */
export function rolesPermittedFor(roleMap: Record<string, string[]>, category: string): string[] {
  return Object.keys(roleMap).filter((role) => roleMap[role].includes('*') || roleMap[role].includes(category));
}

/** The roles a new endpoint gets by default: specific roles first, the wildcard (admin) role only when nothing else fits. */
export function defaultRolesFor(roleMap: Record<string, string[]>, category: string): string[] {
  const permitted = rolesPermittedFor(roleMap, category);
  const specific = permitted.filter((role) => !roleMap[role].includes('*'));
  return specific.length ? specific : permitted;
}

const ROLE_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;

/** Every problem with a complete set of options (empty when it can be generated). */
export function optionProblems(options: ScaffoldOptions): string[] {
  const problems: string[] = [];
  if (!SCAFFOLD_FRAMEWORKS.includes(options.framework)) problems.push(`Unknown framework '${options.framework}' (expected ${SCAFFOLD_FRAMEWORKS.join(', ')})`);
  const nameProblem = resourceNameProblem(options.resource);
  if (nameProblem) problems.push(nameProblem);
  if (!options.operations.length) problems.push('Choose at least one operation');
  for (const operation of options.operations) {
    if (!SCAFFOLD_OPERATIONS.includes(operation)) problems.push(`Unknown operation '${operation}' (expected ${SCAFFOLD_OPERATIONS.join(', ')})`);
  }
  if (!DATA_CATEGORIES.includes(options.category)) problems.push(`Unknown data category '${options.category}' (expected ${DATA_CATEGORIES.join(', ')})`);
  if (!options.roles.length) problems.push('Choose at least one role');
  const permitted = rolesPermittedFor(options.roleMap, options.category);
  for (const role of options.roles) {
    if (!ROLE_PATTERN.test(role)) problems.push(`Invalid role name '${role}'`);
    else if (!permitted.includes(role)) {
      problems.push(`Role '${role}' may not access ${options.category} data under the policy's role map (permitted: ${permitted.join(', ') || 'none'})`);
    }
  }
  for (const [role, categories] of Object.entries(options.roleMap)) {
    if (!ROLE_PATTERN.test(role) || categories.some((c) => !/^[A-Za-z*][A-Za-z0-9_-]*$/.test(c))) problems.push(`The policy's role map has an invalid entry '${role}'`);
  }
  return problems;
}

/**
 * The data category a resource name suggests, by the same vocabulary the endpoint rules use
 * (`lab_result` -> clinical, `claim` -> billing, `patient` -> demographics); undefined when it says nothing.
 */
export function suggestedCategory(resource: string): DataCategory | undefined {
  const matches = resourcesOf(resource.trim());
  return matches.length ? primaryCategory(matches.map((m) => m.category)) : undefined;
}
