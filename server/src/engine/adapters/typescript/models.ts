// TypeScript / JavaScript second pass: persistence models (TypeORM and sequelize-typescript
// `@Column`, NestJS Mongoose `@Prop`, Sequelize `define` / `init`, Mongoose `new Schema({...})`
// with its encryption plugins), and the string literals of literals.ts in the same walk.

import type { Node } from 'web-tree-sitter';
import type { FieldFixSite, ModelFact, ModelFieldFact, OrmKind, StringLiteralFact } from '../../model/facts';
import { endOf, rangeOf, startOf } from '../../model/ranges';
import { nodesOfTypes } from '../../parsing/node-query';
import type { ModelsAndLiterals } from '../context';
import { indentOf, lastSegment, namesIn, realChildren } from '../syntax';
import { stringLiteral } from './literals';
import { VALUE_WRAPPERS, decoratorNodes, entryValue, propertyKey, staticString } from './syntax';
import { parentOf } from '../../parsing/node-parents';

/** The node types the second pass looks at (keep in sync with its switch). */
export const VISITED_TYPES = new Set(['public_field_definition', 'field_definition', 'new_expression', 'call_expression', 'assignment_expression', 'string', 'template_string']);
const NAME_TYPES = new Set(['identifier', 'property_identifier', 'shorthand_property_identifier', 'type_identifier']);
const MAX_NESTING = 3;

interface PluginCall {
  schemaVar: string;
  plugin: string;
  /** `fields` (mongoose-field-encryption) / `encryptedFields` (mongoose-encryption), when given. */
  fields?: string[];
  fieldsArrayEnd?: { line: number; character: number };
  excluded: string[];
}

/**
 * A schema hook that stores a whole path encrypted: `schema.pre('save', function () {
 * this.set('medicalHistory', encryptObjectField(this.medicalHistory)) })`. Every field under it
 * is stored as part of one ciphertext.
 */
interface WholePathEncryption {
  schemaVar: string;
  path: string;
  encryptor: string;
}

interface MongooseModel {
  model: ModelFact;
  schemaVar?: string;
}

/**
 * What one top-level statement holds. Schemas and plugin calls meet across statements, and an
 * `@Column` model's ORM depends on the file's imports: finishTypeScriptModels settles both.
 */
export interface TypeScriptModelsAndLiterals extends ModelsAndLiterals {
  mongoose: MongooseModel[];
  plugins: PluginCall[];
  wholePaths?: WholePathEncryption[];
}

export function extractTypeScriptModelsAndLiterals(chunk: Node, text: string): TypeScriptModelsAndLiterals {
  const models: ModelFact[] = [];
  const literals: StringLiteralFact[] = [];
  const classModels = new Map<number, ModelFact>();
  const mongoose: MongooseModel[] = [];
  const plugins: PluginCall[] = [];
  const wholePaths: WholePathEncryption[] = [];

  for (const node of nodesOfTypes(chunk, VISITED_TYPES)) {
    switch (node.type) {
      case 'public_field_definition':
      case 'field_definition':
        decoratedField(node, text, classModels, models);
        break;
      case 'new_expression': {
        const found = mongooseSchema(node, text);
        if (found) {
          mongoose.push(found);
          models.push(found.model);
        }
        break;
      }
      case 'call_expression': {
        const model = sequelizeModel(node);
        if (model) models.push(model);
        const plugin = pluginCall(node);
        if (plugin) plugins.push(plugin);
        const whole = wholePathEncryption(node);
        if (whole) wholePaths.push(whole);
        break;
      }
      case 'assignment_expression': {
        const whole = wholePathEncryption(node);
        if (whole) wholePaths.push(whole);
        break;
      }
      case 'string':
      case 'template_string': {
        const literal = stringLiteral(node, text);
        if (literal) literals.push(literal);
      }
    }
  }
  return { models, literals, mongoose, plugins, ...(wholePaths.length ? { wholePaths } : {}) };
}

/**
 * The file's models once all its statements are read: `@Column` models become Sequelize ones
 * when `Column` comes from sequelize-typescript (TypeORM's transformer fix does not apply), and
 * encryption plugins mark the fields of their schemas. The chunks' own facts stay untouched
 * (they are cached): changed models are copies.
 */
export function finishTypeScriptModels(chunks: readonly TypeScriptModelsAndLiterals[], columnModule: string | undefined): ModelFact[] {
  const replaced = new Map<ModelFact, ModelFact>();
  if (columnModule === 'sequelize-typescript') {
    for (const chunk of chunks) {
      for (const model of chunk.models) {
        if (model.orm !== 'typeorm' && !model.fields.some((field) => field.fix?.kind === 'column-options')) continue;
        const fields = model.fields.map((field) => (field.fix?.kind === 'column-options' ? { ...field, fix: undefined } : field));
        replaced.set(model, { ...model, orm: model.orm === 'typeorm' ? 'sequelize' : model.orm, fields });
      }
    }
  }
  const plugins = chunks.flatMap((chunk) => chunk.plugins);
  const wholePaths = chunks.flatMap((chunk) => chunk.wholePaths ?? []);
  if (plugins.length || wholePaths.length) {
    for (const chunk of chunks) {
      for (const schema of chunk.mongoose) {
        const model = replaced.get(schema.model) ?? schema.model;
        const fields = withWholePaths(withPlugins(model.fields, schema.schemaVar, plugins), schema.schemaVar, wholePaths);
        if (fields !== model.fields) replaced.set(schema.model, { ...model, fields });
      }
    }
  }
  return chunks.flatMap((chunk) => chunk.models.map((model) => replaced.get(model) ?? model));
}

/** `@Column(...) ssn: string` (TypeORM, sequelize-typescript) and `@Prop() ssn: string` (NestJS Mongoose). */
function decoratedField(
  node: Node,
  text: string,
  classModels: Map<number, ModelFact>,
  models: ModelFact[],
): void {
  const decorators = decoratorNodes(node);
  let column: { decorator: Node; expression: Node; name: string } | undefined;
  for (const decorator of decorators) {
    const expression = decorator.namedChildren[0];
    if (!expression) continue;
    const callee = expression.type === 'call_expression' ? (expression.childForFieldName('function')?.text ?? '') : expression.text;
    const name = lastSegment(callee);
    if (name === 'Column' || name === 'Prop') column = { decorator, expression, name };
  }
  if (!column) return;
  const nameNode = node.childForFieldName('name') ?? node.childForFieldName('property');
  if (!nameNode) return;
  const classNode = enclosingClass(node);
  if (!classNode) return;
  // `@Column` from sequelize-typescript is settled by finishTypeScriptModels.
  const orm: OrmKind = column.name === 'Prop' ? 'mongoose' : 'typeorm';
  let model = classModels.get(classNode.id);
  if (!model) {
    model = { orm, name: classNode.childForFieldName('name')?.text ?? '', range: rangeOf(classNode), fields: [] };
    classModels.set(classNode.id, model);
    models.push(model);
  }
  const names: string[] = [];
  for (const decorator of decorators) namesIn(decorator, NAME_TYPES, names);
  const args = column.expression.type === 'call_expression' ? column.expression.childForFieldName('arguments') : null;
  const argList = args ? realChildren(args) : [];
  const options = argList.find((arg) => arg.type === 'object');
  const typeOption = options ? entryValue(options, 'type') : undefined;
  const annotation = node.childForFieldName('type');
  const typeText = typeOption?.text ?? (argList[0] && argList[0].type !== 'object' ? argList[0].text : annotation?.text.replace(/^:\s*/, '') ?? '');
  const relation = !!options && (!!entryValue(options, 'ref') || /ObjectId/.test(typeOption?.text ?? ''));
  model.fields.push({
    name: nameNode.text,
    columnName: options ? staticString(entryValue(options, 'name')) : undefined,
    type: typeText,
    typeRange: rangeOf(column.expression),
    range: rangeOf(nameNode),
    names,
    relation,
    fix: orm === 'typeorm' ? transformerSite(column.expression, args, argList, options, text) : undefined,
  });
}

/** Where `transformer: <name>` goes in `@Column(...)`. */
function transformerSite(expression: Node, args: Node | null, argList: Node[], options: Node | undefined, text: string): FieldFixSite {
  if (!args) return { kind: 'column-options', at: endOf(expression), before: '({ ', after: ' })' };
  if (options) {
    const entries = realChildren(options);
    if (entries.length === 0) {
      const start = startOf(options);
      return { kind: 'column-options', at: { line: start.line, character: start.character + 1 }, before: ' ', after: ' ' };
    }
    const last = entries[entries.length - 1];
    const multiline = options.startPosition.row !== options.endPosition.row;
    const indent = multiline ? indentOf(last, text) : '';
    return { kind: 'column-options', at: endOf(last), before: multiline ? `,\n${indent}` : ', ', after: '' };
  }
  if (argList.length === 0) {
    const start = startOf(args);
    return { kind: 'column-options', at: { line: start.line, character: start.character + 1 }, before: '{ ', after: ' }' };
  }
  return { kind: 'column-options', at: endOf(argList[argList.length - 1]), before: ', { ', after: ' }' };
}

function enclosingClass(node: Node): Node | undefined {
  let current = parentOf(node);
  for (let depth = 0; current && depth < 4; depth++, current = parentOf(current)) {
    if (current.type === 'class_declaration' || current.type === 'abstract_class_declaration' || current.type === 'class') return current;
  }
  return undefined;
}

/** `sequelize.define('Patient', {...})` and `Patient.init({...}, { sequelize })`. */
function sequelizeModel(node: Node): ModelFact | undefined {
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'member_expression') return undefined;
  const method = fn.childForFieldName('property')?.text;
  const args = node.childForFieldName('arguments');
  const list = args ? realChildren(args) : [];
  let name: string | undefined;
  let attributes: Node | undefined;
  if (method === 'define' && list[0]?.type === 'string' && list[1]?.type === 'object') {
    name = staticString(list[0]);
    attributes = list[1];
  } else if (method === 'init' && list[0]?.type === 'object' && list[1]?.type === 'object' && entryValue(list[1], 'sequelize')) {
    const object = fn.childForFieldName('object');
    name = object?.type === 'this' ? (enclosingClass(node)?.childForFieldName('name')?.text ?? 'this') : object?.text;
    attributes = list[0];
  }
  if (!attributes || name === undefined) return undefined;
  const fields: ModelFieldFact[] = [];
  for (const entry of realChildren(attributes)) {
    if (entry.type !== 'pair') continue;
    const key = propertyKey(entry);
    const value = entry.childForFieldName('value');
    if (!key || !value) continue;
    const typeNode = value.type === 'object' ? (entryValue(value, 'type') ?? value) : value;
    fields.push({
      name: key,
      columnName: value.type === 'object' ? staticString(entryValue(value, 'field')) : undefined,
      type: typeNode.text.slice(0, 200),
      typeRange: rangeOf(typeNode),
      range: rangeOf(entry),
      names: namesIn(value, NAME_TYPES),
      relation: value.type === 'object' && !!entryValue(value, 'references'),
      fix: { kind: 'wrap-value', range: rangeOf(value) },
    });
  }
  return { orm: 'sequelize', name, range: rangeOf(node), fields };
}

/** `new Schema({...})` / `new mongoose.Schema({...})`. */
function mongooseSchema(node: Node, text: string): MongooseModel | undefined {
  const constructor = node.childForFieldName('constructor');
  if (!constructor || lastSegment(constructor.text) !== 'Schema') return undefined;
  const args = node.childForFieldName('arguments');
  const definition = args ? realChildren(args)[0] : undefined;
  if (definition?.type !== 'object') return undefined;
  let schemaVar: string | undefined;
  let statement: Node | undefined;
  let holder = parentOf(node);
  while (holder && VALUE_WRAPPERS.has(holder.type)) holder = parentOf(holder);
  if (holder?.type === 'variable_declarator' && holder.childForFieldName('name')?.type === 'identifier') {
    schemaVar = holder.childForFieldName('name')!.text;
    statement = parentOf(holder) ?? undefined;
    if (parentOf(statement)?.type === 'export_statement') statement = parentOf(statement) ?? undefined;
  }
  const fields: ModelFieldFact[] = [];
  collectSchemaFields(definition, fields, 0);
  const name = schemaVar ? schemaVar.replace(/Schema$/i, '') || schemaVar : 'schema';
  const model: ModelFact = { orm: 'mongoose', name, range: rangeOf(node), fields };
  if (schemaVar && statement) {
    const insertAt = { line: statement.endPosition.row + 1, character: 0 };
    const indent = indentOf(statement, text);
    for (const field of fields) field.fix = { kind: 'mongoose-plugin', schemaVar, insertAt, indent };
  }
  return { model, schemaVar };
}

function collectSchemaFields(definition: Node, fields: ModelFieldFact[], depth: number, parents: string[] = []): void {
  for (const entry of realChildren(definition)) {
    if (entry.type !== 'pair') continue;
    const key = propertyKey(entry);
    let value = entry.childForFieldName('value');
    if (!key || !value) continue;
    if (value.type === 'array') value = realChildren(value)[0] ?? value;
    if (value.type === 'object' && !entryValue(value, 'type')) {
      // A nested path (`name: { first: String }`): its leaves are the fields.
      if (depth < MAX_NESTING) collectSchemaFields(value, fields, depth + 1, [...parents, key]);
      continue;
    }
    const typeNode = value.type === 'object' ? entryValue(value, 'type')! : value;
    fields.push({
      name: key,
      type: typeNode.text.slice(0, 200),
      typeRange: rangeOf(typeNode),
      range: rangeOf(entry),
      names: namesIn(value, NAME_TYPES),
      relation: /ObjectId/.test(typeNode.text) || (value.type === 'object' && !!entryValue(value, 'ref')) || typeNode.type === 'object',
      ...(parents.length ? { parents } : {}),
      ...(/ObjectId/.test(typeNode.text) || (value.type === 'object' && !!entryValue(value, 'ref') && typeNode.type !== 'object') ? { reference: true as const } : {}),
    });
  }
}

/** `PatientSchema.plugin(fieldEncryption, { fields: ['ssn'], secret })`. */
function pluginCall(node: Node): PluginCall | undefined {
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'member_expression' || fn.childForFieldName('property')?.text !== 'plugin') return undefined;
  const object = fn.childForFieldName('object');
  if (object?.type !== 'identifier') return undefined;
  const args = node.childForFieldName('arguments');
  const list = args ? realChildren(args) : [];
  const plugin = list[0]?.text ?? '';
  const options = list.find((arg) => arg.type === 'object');
  const call: PluginCall = { schemaVar: object.text, plugin, excluded: [] };
  if (options) {
    const fields = entryValue(options, 'fields') ?? entryValue(options, 'encryptedFields');
    if (fields?.type === 'array') {
      const items = realChildren(fields);
      call.fields = items.map((item) => staticString(item)).filter((value): value is string => value !== undefined);
      const last = items[items.length - 1];
      call.fieldsArrayEnd = last ? endOf(last) : { line: fields.startPosition.row, character: fields.startPosition.column + 1 };
    }
    const excluded = entryValue(options, 'excludeFromEncryption');
    if (excluded?.type === 'array') call.excluded = realChildren(excluded).map((item) => staticString(item) ?? '');
    if (!/encrypt/i.test(plugin) && !entryValue(options, 'encryptionKey') && !entryValue(options, 'secret') && !call.fields) return undefined;
  } else if (!/encrypt/i.test(plugin)) {
    return undefined;
  }
  return call;
}

/**
 * `this.set('medicalHistory', encryptObjectField(...))` or `this.medicalHistory = encrypt(...)`
 * inside a function given to `<schema>.pre(...)`: the path stored as one ciphertext.
 */
function wholePathEncryption(node: Node): WholePathEncryption | undefined {
  let path: string | undefined;
  let value: Node | null | undefined;
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'member_expression' || fn.childForFieldName('object')?.type !== 'this' || fn.childForFieldName('property')?.text !== 'set') return undefined;
    const args = realChildren(node.childForFieldName('arguments') ?? node);
    path = args[0] ? staticString(args[0]) : undefined;
    value = args[1];
  } else {
    const left = node.childForFieldName('left');
    if (left?.type !== 'member_expression' || left.childForFieldName('object')?.type !== 'this') return undefined;
    path = left.childForFieldName('property')?.text;
    value = node.childForFieldName('right');
  }
  if (!path || /[.[\]]/.test(path) || value?.type !== 'call_expression') return undefined;
  const encryptor = lastSegment(value.childForFieldName('function')?.text ?? '');
  if (!/encrypt/i.test(encryptor) || /decrypt/i.test(encryptor)) return undefined;
  const schemaVar = hookedSchema(node);
  return schemaVar ? { schemaVar, path, encryptor } : undefined;
}

/** The schema whose hook (`patientSchema.pre('save', fn)`) the node is inside. */
function hookedSchema(node: Node): string | undefined {
  for (let holder = parentOf(node); holder; holder = parentOf(holder)) {
    if (holder.type !== 'call_expression') continue;
    const fn = holder.childForFieldName('function');
    const object = fn?.type === 'member_expression' ? fn.childForFieldName('object') : undefined;
    if (object?.type === 'identifier' && fn?.childForFieldName('property')?.text === 'pre') return object.text;
  }
  return undefined;
}

/** The fields under a path its schema's hook stores encrypted as a whole, marked encrypted. */
function withWholePaths(fields: ModelFieldFact[], schemaVar: string | undefined, wholePaths: readonly WholePathEncryption[]): ModelFieldFact[] {
  const own = wholePaths.filter((whole) => whole.schemaVar === schemaVar);
  if (!schemaVar || !own.length) return fields;
  return fields.map((field) => {
    const top = field.parents?.[0] ?? field.name;
    const whole = own.find((entry) => entry.path === top);
    return whole && !field.encryptedBy ? { ...field, encryptedBy: whole.encryptor } : field;
  });
}

/** The schema's fields with its plugins applied: the same array when no plugin is its. */
function withPlugins(fields: ModelFieldFact[], schemaVar: string | undefined, plugins: readonly PluginCall[]): ModelFieldFact[] {
  const own = plugins.filter((plugin) => plugin.schemaVar === schemaVar);
  if (!schemaVar || !own.length) return fields;
  return fields.map((original) => {
    const field = { ...original };
    for (const plugin of own) {
      const covered = plugin.fields ? plugin.fields.includes(field.name) : !plugin.excluded.includes(field.name);
      if (covered) field.encryptedBy = plugin.plugin || 'plugin';
      else if (plugin.fields && plugin.fieldsArrayEnd && field.fix?.kind === 'mongoose-plugin') {
        field.fix = { ...field.fix, fieldsArrayEnd: plugin.fieldsArrayEnd, fieldsEmpty: plugin.fields.length === 0 };
      }
    }
    return field;
  });
}

