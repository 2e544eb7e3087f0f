// Exported functions nothing takes: a library module the application imports, whose importers
// take some of its names (workspace/imported-names.ts), holds helpers no one takes by name and
// that its own live code never reaches (`sendAppointmentReminder` left behind when the only module
// taking it had its import commented out). Their sends never run.
//
// Reachability inside the module, from its text and facts: the module's top-level declarations
// (functions, classes, module-level constants) are live when an importer takes a name they are
// exported as, or when live code (a live declaration, or the module's top-level statements) names
// them. Conservative by design: only TS/JS library modules other modules import (never an entry
// file a framework loads by name or place), none of whose importers may take any name, in a
// workspace whose views are all read (a `.vue` or `.svelte` file's imports are not), and no
// module with decorators (dependency injection resolves classes without importing their names).
// Only plain functions lose their findings; a class's methods keep theirs.

import type { ProjectAuditContext } from '../../model/audit-context';
import type { Expr, FileFacts } from '../../model/facts';
import type { Range } from '../../model/types';
import { offsetOf } from '../../model/text';
import { importedByAnother, importsUnreadViews, loadedByComputedName, memberCalledAnywhere, namesTakenFrom } from './import-graph';
import { isEntryModule } from './unimported-modules';
import { ALL_NAMES, COMMONJS_VALUE } from './taken-names';

interface Declaration {
  name: string;
  /** Where its code is: the function or class, or a constant's value. */
  spans: [number, number][];
  /** The names it is exported as (`default` included). */
  exportedAs: Set<string>;
}

const IDENTIFIERS = /(?<![\w$.])[A-Za-z_$][\w$]*/g;
const EXPORT_LIST = /\bexport\s*\{([^}]*)\}(?!\s*from\b)\s*;?/g;
const EXPORT_DEFAULT_NAME = /\bexport\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$/gm;
const COMMONJS_VALUE_EXPORT = /\bmodule\.exports\s*=\s*([A-Za-z_$][\w$]*)\s*;?\s*$/gm;
const COMMONJS_OBJECT_EXPORT = /\bmodule\.exports\s*=\s*\{([^{}]*)\}\s*;?/g;

/**
 * A test of whether the code at an offset of the file never runs (inside an exported declaration
 * nothing takes), or undefined when nothing can be said of the file.
 */
export function neverRunCode(filePath: string, facts: FileFacts, context: ProjectAuditContext | undefined, projectRoot?: string): ((range: Range) => boolean) | undefined {
  const imports = context?.moduleImports;
  if (!imports?.length || facts.language === 'python' || isEntryModule(filePath, projectRoot)) return undefined;
  if (loadedByComputedName(filePath, imports) || importsUnreadViews(imports) || !importedByAnother(filePath, imports)) return undefined;
  if (facts.scopes.some((scope) => scope.decorators.length > 0)) return undefined;
  const taken = namesTakenFrom(filePath, imports);
  if (taken.has(ALL_NAMES)) return undefined;

  const { text } = facts;
  const at = (range: Range) => offsetOf(facts.lineStarts, text, range.start);
  const end = (range: Range) => offsetOf(facts.lineStarts, text, range.end);
  const declarations = declarationsOf(facts, at, end);
  if (!declarations.size) return undefined;

  // The module's top-level code: its text outside every declaration, comments and export lists.
  const free = text.split('');
  const blank = (from: number, to: number) => {
    for (let index = from; index < to && index < free.length; index++) if (free[index] !== '\n') free[index] = ' ';
  };
  for (const comment of facts.comments) blank(at(comment.range), end(comment.range));
  for (const declaration of declarations.values()) for (const [from, to] of declaration.spans) blank(from, to);
  for (const name of declarationNameRanges(facts)) blank(at(name), end(name));
  const exportedAs = (local: string, name: string) => declarations.get(local)?.exportedAs.add(name);
  let freeText = free.join('');
  freeText = freeText.replace(EXPORT_LIST, (statement, list: string) => {
    for (const item of list.split(',')) {
      const [local, alias] = item.trim().replace(/^type\s+/, '').split(/\s+as\s+/);
      if (local) exportedAs(local.trim(), (alias ?? local).trim());
    }
    return ' '.repeat(statement.length);
  });
  freeText = freeText.replace(EXPORT_DEFAULT_NAME, (statement, local: string) => {
    exportedAs(local, 'default');
    return ' '.repeat(statement.length);
  });
  const commonjsValue = [...freeText.matchAll(COMMONJS_VALUE_EXPORT)].length > 0;
  freeText = freeText.replace(COMMONJS_VALUE_EXPORT, (statement, local: string) => {
    exportedAs(local, 'default');
    return ' '.repeat(statement.length);
  });
  freeText = freeText.replace(COMMONJS_OBJECT_EXPORT, (statement, body: string) => {
    for (const entry of body.split(',')) {
      const [key, value] = entry.trim().split(/\s*:\s*/);
      const local = (value ?? key)?.trim();
      if (key && local && /^[A-Za-z_$][\w$]*$/.test(local)) exportedAs(local, key.trim());
      else if (entry.trim()) return statement; // anything else stays as code that names what it uses
    }
    return ' '.repeat(statement.length);
  });
  if (facts.defaultExportName) exportedAs(facts.defaultExportName, 'default');

  const wanted = new Set(taken);
  // The value `module.exports` was set to is what a whole `require()` gets.
  if (taken.has(COMMONJS_VALUE) && commonjsValue) wanted.add('default');
  const live = new Set<string>();
  const queue: string[] = [];
  const reach = (name: string) => {
    if (declarations.has(name) && !live.has(name)) {
      live.add(name);
      queue.push(name);
    }
  };
  const reachIn = (from: number, to: number) => {
    for (const match of text.slice(from, to).matchAll(IDENTIFIERS)) reach(match[0]);
  };
  for (const declaration of declarations.values()) if ([...declaration.exportedAs].some((name) => wanted.has(name))) reach(declaration.name);
  // `svc.sendMessage(...)` off the default export: only that member of the instance, class or object.
  for (const [exported, members] of membersTaken(wanted)) {
    for (const declaration of declarations.values()) {
      if (!declaration.exportedAs.has(exported) || live.has(declaration.name)) continue;
      const spans = memberSpans(facts, declaration.name, members, (member) => memberCalledAnywhere(member, imports), at, end);
      if (spans) for (const [from, to] of spans) reachIn(from, to);
      else reach(declaration.name);
    }
  }
  for (const match of freeText.matchAll(IDENTIFIERS)) reach(match[0]);
  while (queue.length) {
    for (const [from, to] of declarations.get(queue.pop()!)!.spans) {
      for (const match of text.slice(from, to).matchAll(IDENTIFIERS)) reach(match[0]);
    }
  }
  const dead = [...declarations.values()].filter((declaration) => !live.has(declaration.name));
  if (!dead.length) return undefined;
  const liveSpans = [...live].flatMap((name) => declarations.get(name)!.spans);
  const spansOf = (kind: 'function' | 'class') => facts.scopes.filter((scope) => scope.kind === kind).map((scope): [number, number] => [at(scope.range), end(scope.range)]);
  const functions = spansOf('function');
  const classes = spansOf('class');
  return (range) => {
    const offset = at(range);
    const inside = ([from, to]: [number, number]) => from <= offset && offset < to;
    // Only code inside a function of the declaration: a value is computed when the module loads.
    // Never a class's method: what calls methods (a container, a framework) may go beyond the
    // imports, so a finding written in a class stays; a class nothing takes still reaches nothing.
    const deadSpan = dead.flatMap((declaration) => declaration.spans).find(inside);
    if (!deadSpan || liveSpans.some(inside) || classes.some(inside)) return false;
    return functions.some((span) => inside(span) && span[0] >= deadSpan[0] && span[1] <= deadSpan[1]);
  };
}

/**
 * The module's top-level named functions and classes, and the constants whose value runs nothing
 * when the module loads (a function, a name, literals, an object or list of those, a new instance
 * of a class whose construction runs no code): `*default*` for `export default new X()`. Another
 * constant's value is top-level code, left in the module's free text.
 */
function declarationsOf(facts: FileFacts, at: (range: Range) => number, end: (range: Range) => number): Map<string, Declaration> {
  const declarations = new Map<string, Declaration>();
  const add = (name: string, from: number, to: number) => {
    const line = facts.text.slice(facts.text.lastIndexOf('\n', from - 1) + 1, from);
    const exportedAs = declaredAs(line, facts.text.slice(from, from + 40), name);
    // Written some other way (an object's member, a callback, a value on its own line): top-level code.
    if (!exportedAs) return;
    let declaration = declarations.get(name);
    if (!declaration) declarations.set(name, (declaration = { name, spans: [], exportedAs: new Set() }));
    declaration.spans.push([from, to]);
    for (const exported of exportedAs) declaration.exportedAs.add(exported);
  };
  const topLevel = facts.scopes.filter((scope) => scope.parentId === 0 && scope.name && (scope.kind === 'function' || scope.kind === 'class'));
  for (const scope of topLevel) {
    add(scope.name!, at(scope.range), end(scope.range));
    if (scope.exportDefault) declarations.get(scope.name!)?.exportedAs.add('default');
  }
  const functionStarts = new Set(facts.scopes.filter((scope) => scope.kind === 'function').map((scope) => at(scope.range)));
  const inertClasses = new Set(topLevel.filter((scope) => scope.kind === 'class' && !constructionRunsCode(facts, scope.id, functionStarts, at)).map((scope) => scope.name!));
  for (const binding of facts.bindings) {
    if (binding.scopeId !== 0 || binding.kind !== 'assign' || !/^(?:[A-Za-z_$][\w$]*|\*default\*)$/.test(binding.name)) continue;
    const from = at(binding.value.range);
    if (functionStarts.has(from)) continue;
    if (runsNothing(binding.value, inertClasses)) add(binding.name, from, end(binding.value.range));
  }
  return declarations;
}

/** `default.sendMessage` (a member read off an export, workspace/imported-names.ts): export -> members. */
function membersTaken(wanted: ReadonlySet<string>): Map<string, string[]> {
  const byExport = new Map<string, string[]>();
  for (const name of wanted) {
    const dot = name.indexOf('.');
    if (dot <= 0) continue;
    byExport.set(name.slice(0, dot), [...(byExport.get(name.slice(0, dot)) ?? []), name.slice(dot + 1)]);
  }
  return byExport;
}

/**
 * Where the members `members` of a declaration are written, with every other member some module
 * calls by name (the instance may be handed around where the imports do not show): a class's
 * methods and fields, those of the class a constant holds a new instance of (`new
 * WhatsAppService()`), an object's entries. Undefined when a member taken cannot be found there
 * (inherited, added later): all of it may run.
 */
function memberSpans(
  facts: FileFacts,
  name: string,
  members: readonly string[],
  calledAnywhere: (member: string) => boolean,
  at: (range: Range) => number,
  end: (range: Range) => number,
): [number, number][] | undefined {
  const classNamed = (className: string) => facts.scopes.find((scope) => scope.parentId === 0 && scope.kind === 'class' && scope.name === className);
  const value = facts.bindings.find((binding) => binding.scopeId === 0 && binding.kind === 'assign' && binding.name === name)?.value;
  const owner = classNamed(name) ?? (value?.kind === 'call' && value.isNew && value.callee.kind === 'name' ? classNamed(value.callee.name) : undefined);
  const found: { name: string; span: [number, number] }[] = [];
  if (owner) {
    if (owner.bases?.length) return undefined;
    for (const scope of facts.scopes) if (scope.parentId === owner.id && scope.kind === 'function' && scope.name) found.push({ name: scope.name, span: [at(scope.range), end(scope.range)] });
    for (const binding of facts.bindings) {
      if (binding.scopeId === owner.id && binding.name.startsWith('this.')) found.push({ name: binding.name.slice(5), span: [at(binding.value.range), end(binding.value.range)] });
    }
  } else if (value?.kind === 'object' && !value.entries.some((entry) => entry.spread || entry.key === undefined)) {
    for (const entry of value.entries) found.push({ name: entry.key!, span: [at(entry.range), end(entry.range)] });
  } else return undefined;
  if (members.some((member) => !found.some((candidate) => candidate.name === member))) return undefined;
  return found.filter((candidate) => members.includes(candidate.name) || calledAnywhere(candidate.name)).map((candidate) => candidate.span);
}

/**
 * What the text around a declaration's start says it is, or undefined when it is not one of
 * these statements: `function f` / `class C` (after `export` or `export default`), `const f =`
 * (after `export`), `exports.f =` / `module.exports.f =`, `module.exports =`. The names it is
 * exported as (none for a declaration the module keeps to itself).
 */
function declaredAs(before: string, after: string, name: string): string[] | undefined {
  const escaped = name.replace(/[$*]/g, '\\$&');
  // A statement of its own (not a method or an object's member, which start with their name).
  const statement = /^(?:async\s+)?function\b|^(?:abstract\s+)?class\b/.test(after);
  if (statement && /^\s*(?:export\s+default\s+)?$/.test(before)) return /\bdefault\b/.test(before) ? ['default'] : [];
  if (statement && /^\s*export\s+$/.test(before)) return [name];
  const constant = new RegExp(`^\\s*(export\\s+)?(?:const|let|var)\\s+${escaped}\\s*(?::[^=]*)?=\\s*$`).exec(before);
  if (constant) return constant[1] ? [name] : [];
  const commonjs = /^\s*(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=\s*$/.exec(before);
  if (commonjs) return [commonjs[1]];
  if (/^\s*module\.exports\s*=\s*$/.test(before)) return ['default'];
  if (name === '*default*' && /^\s*export\s+default\s+$/.test(before)) return ['default'];
  return undefined;
}

/** Whether evaluating the value runs no code of the workspace (its functions are only named, not called). */
function runsNothing(value: Expr, inertClasses: ReadonlySet<string>): boolean {
  switch (value.kind) {
    case 'name':
    case 'literal':
    case 'string':
      return true;
    case 'object':
      return value.entries.every((entry) => !entry.spread && runsNothing(entry.value, inertClasses));
    case 'array':
      return value.items.every((item) => runsNothing(item, inertClasses));
    case 'call':
      return value.isNew && value.args.length === 0 && value.callee.kind === 'name' && inertClasses.has(value.callee.name);
    default:
      return false;
  }
}

/** A class with a constructor or a field set to something other than a function runs code when constructed. */
function constructionRunsCode(facts: FileFacts, classId: number, functionStarts: ReadonlySet<number>, at: (range: Range) => number): boolean {
  if (facts.scopes.some((scope) => scope.parentId === classId && scope.kind === 'function' && scope.name === 'constructor')) return true;
  return facts.bindings.some((binding) => binding.scopeId === classId && binding.name.startsWith('this.') && !functionStarts.has(at(binding.value.range)) && binding.value.kind !== 'name');
}

/** Where the declarations' own names are written (a name declaring itself does not use it). */
function declarationNameRanges(facts: FileFacts): Range[] {
  const scopes = facts.scopes.filter((scope) => scope.parentId === 0 && scope.nameRange).map((scope) => scope.nameRange!);
  const bindings = facts.bindings.filter((binding) => binding.scopeId === 0 && binding.kind === 'assign').map((binding) => binding.range);
  return [...scopes, ...bindings];
}
