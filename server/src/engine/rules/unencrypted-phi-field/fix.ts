// The fix of unencrypted-phi-field, *Encrypt this field*: the per-ORM edit that makes a PHI
// column encrypted at the application level, with the imports it needs. The result must parse
// and be recognised as encrypted.

import type { ResolvedPolicy } from '../../model/policy';
import { calleePath } from '../../model/expressions';
import type { FileFacts, ModelFieldFact } from '../../model/facts';
import { addImport } from '../../fixes/imports';
import { SourceCopy } from '../../fixes/source-copy';
import { bareName } from '../../analysis/encryption';
import { offsetOf, positionAt } from '../../model/text';
import type { Fix, Position, TextEdit } from '../../model/types';

/** The key placeholder a new encrypted column reads: defined once per module from the environment. */
export const FIELD_KEY_NAME = 'FIELD_ENCRYPTION_KEY';
const SQLALCHEMY_UTILS_TYPES = new Set(['StringEncryptedType', 'EncryptedType', 'AesEncryptedType', 'AesGcmEncryptedType']);

export function encryptFieldFix(field: ModelFieldFact, facts: FileFacts, policy: ResolvedPolicy): Fix | undefined {
  const site = field.fix;
  if (!site) return undefined;
  switch (site.kind) {
    case 'replace-default': {
      const sql = new SqlAlchemyEdits(facts, policy);
      const type = sql.encryptedType(sql.sqlalchemyName(innerType(field.type)));
      const copy = new SourceCopy(facts);
      // A bare tuple default (`= None, None`) needs its brackets once it is a keyword argument.
      const value = hasTopLevelComma(site.defaultText) ? `(${site.defaultText})` : site.defaultText;
      const text = `${sql.named('sqlmodel', 'Field')}(default=${copy.note(value)}, sa_type=${type})`;
      return copy.mark(fix(`Encrypt ${field.name} at rest (${sql.typeName})`, [{ range: site.range, newText: text }, ...sql.extraEdits()]));
    }
    case 'wrap-type':
    case 'insert-type':
    case 'add-value':
    case 'add-keyword': {
      const sql = new SqlAlchemyEdits(facts, policy);
      const copy = new SourceCopy(facts);
      let text: string;
      let range = { start: 'at' in site ? site.at : site.range.start, end: 'at' in site ? site.at : site.range.end };
      if (site.kind === 'wrap-type') {
        text = sql.encryptedType(copy.note(slice(facts, site.range.start, site.range.end)));
        range = site.range;
      } else if (site.kind === 'insert-type') {
        text = sql.encryptedType(sql.sqlalchemyName(innerType(field.type))) + (site.hasArgs ? ', ' : '');
      } else if (site.kind === 'add-value') {
        const type = sql.encryptedType(sql.sqlalchemyName(innerType(field.type)));
        text = site.call === 'mapped_column' ? ` = ${sql.named('sqlalchemy.orm', 'mapped_column')}(${type})` : ` = ${sql.named('sqlmodel', 'Field')}(sa_type=${type})`;
      } else {
        // Right after the last argument (or its trailing comma), not before a `)` on its own line.
        const previous = previousNonSpace(facts, site.at);
        const at = positionAt(facts.lineStarts, previous.offset + 1);
        range = { start: at, end: at };
        const separator = previous.char === '(' ? '' : previous.char === ',' ? ' ' : ', ';
        text = `${separator}sa_type=${sql.encryptedType(sql.sqlalchemyName('String'))}`;
      }
      return copy.mark(fix(`Encrypt ${field.name} at rest (${sql.typeName})`, [{ range, newText: text }, ...sql.extraEdits()]));
    }
    case 'wrap-call': {
      const edits: TextEdit[] = [
        { range: { start: site.range.start, end: site.range.start }, newText: 'encrypt(' },
        { range: { start: site.range.end, end: site.range.end }, newText: ')' },
      ];
      const importEdit = addImport(facts, 'django_cryptography.fields', 'encrypt');
      if (importEdit) edits.push(importEdit);
      return fix(`Encrypt ${field.name} at rest (django-cryptography encrypt)`, edits);
    }
    case 'prisma-doc':
      return fix(`Encrypt ${field.name} at rest (/// @encrypted)`, [
        site.trailingComment
          ? { range: { start: { line: site.line, character: 0 }, end: { line: site.line, character: 0 } }, newText: `${site.indent}/// @encrypted\n` }
          : { range: { start: site.lineEnd, end: site.lineEnd }, newText: ' /// @encrypted' },
      ]);
    case 'column-options': {
      const { name, module } = tsHelper(policy, /transformer/i, 'encryptionTransformer');
      const edits: TextEdit[] = [{ range: { start: site.at, end: site.at }, newText: `${site.before}transformer: ${name}${site.after}` }];
      const importEdit = module ? addImport(facts, module, name) : undefined;
      if (importEdit) edits.push(importEdit);
      return fix(`Encrypt ${field.name} at rest (transformer: ${name})`, edits);
    }
    case 'wrap-value': {
      const { name, module } = tsHelper(policy, /attribute/i, 'encryptedAttribute');
      const edits: TextEdit[] = [
        { range: { start: site.range.start, end: site.range.start }, newText: `${name}(` },
        { range: { start: site.range.end, end: site.range.end }, newText: ')' },
      ];
      const importEdit = module ? addImport(facts, module, name) : undefined;
      if (importEdit) edits.push(importEdit);
      return fix(`Encrypt ${field.name} at rest (${name})`, edits);
    }
    case 'mongoose-plugin': {
      const quoted = `'${field.name.replace(/['\\]/g, '')}'`;
      if (site.fieldsArrayEnd) {
        return fix(`Encrypt ${field.name} at rest (mongoose-field-encryption)`, [
          { range: { start: site.fieldsArrayEnd, end: site.fieldsArrayEnd }, newText: site.fieldsEmpty ? quoted : `, ${quoted}` },
        ]);
      }
      const statement = `${site.indent}${site.schemaVar}.plugin(fieldEncryption, { fields: [${quoted}], secret: process.env.${FIELD_KEY_NAME} });\n`;
      const edits: TextEdit[] = [{ range: { start: site.insertAt, end: site.insertAt }, newText: statement }];
      const importEdit = tsImport(facts, 'mongoose-field-encryption', 'fieldEncryption');
      if (importEdit) edits.push(importEdit);
      return fix(`Encrypt ${field.name} at rest (mongoose-field-encryption)`, edits);
    }
  }
  return undefined;
}

function fix(title: string, edits: TextEdit[]): Fix {
  return { title, kind: 'fix', isPreferred: true, edits };
}

/** Python SQLAlchemy / SQLModel: the encrypted type, its import, the key and `String`. */
class SqlAlchemyEdits {
  readonly typeName: string;
  private readonly edits: TextEdit[] = [];
  private readonly typeModule: string;
  private key: string | undefined;

  constructor(
    private readonly facts: FileFacts,
    policy: ResolvedPolicy,
  ) {
    const configured = policy.encryption.types;
    const imported = configured.find((entry) => facts.imports.some((fact) => fact.names.has(bareName(entry))));
    const preferred = configured.includes('StringEncryptedType') ? 'StringEncryptedType' : configured.includes('EncryptedType') ? 'EncryptedType' : undefined;
    const dotted = configured.find((entry) => entry.includes('.') && !entry.includes('#'));
    if (preferred) [this.typeName, this.typeModule] = [preferred, 'sqlalchemy_utils'];
    else if (imported) [this.typeName, this.typeModule] = [bareName(imported), ''];
    else if (dotted) [this.typeName, this.typeModule] = [bareName(dotted), dotted.slice(0, dotted.lastIndexOf('.'))];
    else [this.typeName, this.typeModule] = ['StringEncryptedType', 'sqlalchemy_utils'];
  }

  encryptedType(inner: string): string {
    const name = this.typeModule ? this.named(this.typeModule, this.typeName) : this.typeName;
    const key = SQLALCHEMY_UTILS_TYPES.has(this.typeName) ? `, ${this.keyExpression()}` : '';
    return `${name}(${inner}${key})`;
  }

  /** `String` from sqlalchemy: imported by name, through `import sqlalchemy as sa`, or added. */
  sqlalchemyName(name: string): string {
    if (this.facts.imports.some((fact) => fact.names.get(name) === name)) return name;
    for (const fact of this.facts.imports) {
      if (fact.module !== 'sqlalchemy') continue;
      for (const [local, imported] of fact.names) if (imported === '*module*') return `${local}.${name}`;
    }
    return this.named('sqlalchemy', name);
  }

  named(module: string, name: string): string {
    const edit = addImport(this.facts, module, name);
    if (edit && !this.edits.some((e) => e.newText === edit.newText)) this.edits.push(edit);
    return name;
  }

  /** The key an existing encrypted column uses, else `FIELD_ENCRYPTION_KEY` read from the environment. */
  private keyExpression(): string {
    if (this.key) return this.key;
    for (const fact of this.facts.calls) {
      const path = calleePath(fact.call.callee);
      if (!path || !SQLALCHEMY_UTILS_TYPES.has(path[path.length - 1])) continue;
      const key = fact.call.args.filter((arg) => !arg.name)[1]?.value ?? fact.call.args.find((arg) => arg.name === 'key')?.value;
      if (key && (key.kind === 'name' || key.kind === 'member')) return (this.key = slice(this.facts, key.range.start, key.range.end));
    }
    this.key = FIELD_KEY_NAME;
    const defined =
      this.facts.bindings.some((binding) => binding.scopeId === 0 && binding.name === FIELD_KEY_NAME) ||
      this.facts.imports.some((fact) => fact.names.has(FIELD_KEY_NAME));
    if (!defined) {
      const hasOs = this.facts.imports.some((fact) => fact.module === 'os' && fact.names.get('os') === '*module*');
      const line = this.facts.importInsertLine;
      const at = { start: { line, character: 0 }, end: { line, character: 0 } };
      if (!hasOs) this.edits.unshift({ range: at, newText: 'import os\n' });
      this.edits.push({ range: at, newText: `${FIELD_KEY_NAME} = os.environ["${FIELD_KEY_NAME}"]\n` });
    }
    return this.key;
  }

  extraEdits(): TextEdit[] {
    // Imports first, then the key definition that may use them.
    return [...this.edits.filter((e) => !e.newText.startsWith(FIELD_KEY_NAME)), ...this.edits.filter((e) => e.newText.startsWith(FIELD_KEY_NAME))];
  }
}

/** `Mapped[Optional[int]]` -> `Integer`; anything else -> `String`. */
function innerType(annotation: string): string {
  if (/\bint\b/.test(annotation)) return 'Integer';
  return 'String';
}

/** A TypeScript helper the policy names (`module#name` in `encryption.types`), else the default placeholder. */
function tsHelper(policy: ResolvedPolicy, kind: RegExp, fallback: string): { name: string; module?: string } {
  const entry = policy.encryption.types.find((type) => kind.test(bareName(type)));
  if (!entry) return { name: fallback };
  const hash = entry.lastIndexOf('#');
  return hash > 0 ? { name: entry.slice(hash + 1), module: entry.slice(0, hash) } : { name: entry };
}

/** An ES import, or a `require` in a CommonJS file. */
function tsImport(facts: FileFacts, module: string, name: string): TextEdit | undefined {
  const commonJs = facts.imports.length > 0 && facts.imports.every((fact) => !slice(facts, fact.range.start, fact.range.end).startsWith('import'));
  if (!commonJs) return addImport(facts, module, name);
  if (facts.imports.some((fact) => fact.names.has(name))) return undefined;
  const line = facts.importInsertLine || Math.max(...facts.imports.map((fact) => fact.range.end.line + 1));
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `const { ${name} } = require('${module}');\n` };
}

function slice(facts: FileFacts, start: Position, end: Position): string {
  return facts.text.slice(offsetOf(facts.lineStarts, facts.text, start), offsetOf(facts.lineStarts, facts.text, end));
}

function previousNonSpace(facts: FileFacts, at: Position): { char: string; offset: number } {
  let i = offsetOf(facts.lineStarts, facts.text, at) - 1;
  while (i >= 0 && /\s/.test(facts.text[i])) i--;
  return { char: i >= 0 ? facts.text[i] : '', offset: i };
}



/** Whether a Python expression's text has a comma outside brackets and strings (a bare tuple). */
function hasTopLevelComma(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) return true;
  }
  return false;
}
