// Which names a module takes from each module it imports, read from its text with small patterns
// (names only, never values): `import { a, b as c }` takes a and b, `import x from` takes the
// default export, `import * as ns` / `const ns = require(...)` take the members the module reads
// off `ns` (`ns.sendReminder`), `const { a } = require(...)` takes a, `export { a } from` passes a
// on. A load whose names cannot be read this way (`export * from`, `import()`, a namespace handed
// around whole) takes every name: ALL_NAMES. unused-exports.ts asks which exports nobody takes.

import { ALL_NAMES, COMMONJS_VALUE } from '../engine/analysis/modules/taken-names';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const WORD_CHAR = /[\w$]/;
/** `.sendReminder` (or `?.sendReminder`) right after a binding. */
const MEMBER_AFTER = /^\s*\??\.\s*([A-Za-z_$][\w$]*)/;
const ESM_IMPORT = /\bimport\s+(?:type\s+)?(?:([A-Za-z_$][\w$]*)\s*(?:,\s*)?)?(?:\*\s*as\s+([A-Za-z_$][\w$]*)|\{([^}]*)\})?\s*from\s*(['"])([^'"]+)\4/g;
const EXPORT_FROM = /\bexport\s+(?:type\s+)?(?:(\*)(?:\s*as\s+[A-Za-z_$][\w$]*)?|\{([^}]*)\})\s*from\s*(['"])([^'"]+)\3/g;
const REQUIRE_BINDING = /\b(?:const|let|var)\s+(?:([A-Za-z_$][\w$]*)|\{([^}]*)\})\s*=\s*(?:await\s+)?require\(\s*(['"])([^'"]+)\3\s*\)(?:\s*\.\s*([A-Za-z_$][\w$]*))?/g;
const REQUIRE_MEMBER = /\brequire\(\s*(['"])([^'"]+)\1\s*\)\s*\.\s*([A-Za-z_$][\w$]*)/g;

/** The names a module's code (comments removed) takes, by the offset of each specifier's opening quote. */
export function importedNamesBySpecifier(code: string): Map<number, string[]> {
  const byOffset = new Map<number, string[]>();
  const add = (offset: number, names: string[]) => {
    if (!byOffset.has(offset)) byOffset.set(offset, names);
  };
  const esm = code.includes('import') || code.includes('export');
  const commonjs = code.includes('require');
  for (const match of esm ? code.matchAll(ESM_IMPORT) : []) {
    const names: string[] = [];
    if (match[1] && match[1] !== 'type') names.push(...membersOf('default', membersReadOff(code, match[1], match.index! + match[0].length)));
    if (match[2]) names.push(...membersReadOff(code, match[2], match.index! + match[0].length));
    if (match[3] !== undefined) names.push(...listedNames(match[3]));
    add(quoteOffset(match, 5), names);
  }
  for (const match of esm ? code.matchAll(EXPORT_FROM) : []) add(quoteOffset(match, 4), match[1] ? [ALL_NAMES] : listedNames(match[2] ?? ''));
  for (const match of commonjs ? code.matchAll(REQUIRE_BINDING) : []) {
    let names: string[];
    if (match[5] && match[1]) names = membersOf(match[5], membersReadOff(code, match[1], match.index! + match[0].length));
    else if (match[5]) names = [match[5]];
    else if (match[1]) {
      const members = membersReadOff(code, match[1], match.index! + match[0].length);
      names = members.includes(ALL_NAMES) ? members : [COMMONJS_VALUE, ...members];
    } else names = listedNames(match[2] ?? '');
    add(quoteOffset(match, 4), names);
  }
  for (const match of commonjs ? code.matchAll(REQUIRE_MEMBER) : []) add(quoteOffset(match, 2), [COMMONJS_VALUE, match[3]]);
  return byOffset;
}

/**
 * `import svc from`, then only `svc.sendMessage(...)`: the members read off the export
 * (`default.sendMessage`), or the export itself when it is used whole.
 */
function membersOf(exported: string, members: string[]): string[] {
  return members.includes(ALL_NAMES) || !members.length ? [exported] : members.map((member) => `${exported}.${member}`);
}

/** Where the specifier of group `group` starts (its opening quote) in the code. */
function quoteOffset(match: RegExpMatchArray, group: number): number {
  const specifier = match[group];
  return match.index! + match[0].lastIndexOf(specifier) - 1;
}

/** `a, b as c, type T` or `a, b: c` (a destructuring): the exported names a and b. */
function listedNames(list: string): string[] {
  const names: string[] = [];
  for (const part of list.split(',')) {
    const item = part.trim().replace(/^type\s+/, '');
    if (!item) continue;
    if (item.startsWith('...')) return [ALL_NAMES];
    const name = item.split(/\s+as\s+|\s*:\s*|\s*=/)[0].trim();
    if (name === 'default') names.push('default');
    else if (IDENTIFIER.test(name)) names.push(name);
    else return [ALL_NAMES];
  }
  return names;
}

/**
 * The members read off a binding after its declaration (`sms.sendOtp(...)`), or ALL_NAMES when it
 * is used any other way (passed to a function, spread, indexed): then any member may be read.
 */
function membersReadOff(code: string, binding: string, from: number): string[] {
  const members = new Set<string>();
  // Plain string search (one per binding, from its declaration on): a pattern built per binding
  // cost more than every other pattern of the file together.
  for (let at = code.indexOf(binding, from); at >= 0; at = code.indexOf(binding, at + binding.length)) {
    const before = at > 0 ? code[at - 1] : '';
    const after = code[at + binding.length] ?? '';
    if (WORD_CHAR.test(before) || before === '.' || WORD_CHAR.test(after)) continue;
    const member = MEMBER_AFTER.exec(code.slice(at + binding.length, at + binding.length + 120));
    if (!member) return [ALL_NAMES];
    members.add(member[1]);
  }
  return [...members];
}

const MEMBER_CALL = /\.\s*([A-Za-z_$][\w$]*)\s*\(/g;

/** The member names a module calls (`svc.sendReminder(`, `this.notify(`), each once. */
export function calledMembers(code: string): string[] {
  return [...new Set([...code.matchAll(MEMBER_CALL)].map((match) => match[1]))];
}
