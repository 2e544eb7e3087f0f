// TypeScript / JavaScript model pass: persistence models (TypeORM and sequelize-typescript
// `@Column`, NestJS Mongoose `@Prop`, Sequelize `define` / `init`, Mongoose `new Schema({...})`
// with its encryption plugins) and string literals that could be credentials.

import type { Node } from 'web-tree-sitter';
import type { FieldFixSite, ModelFact, ModelFieldFact, OrmKind, StringLiteralFact } from '../../model/facts';
import { aloneOnLines, endOf, forEachNodeOfTypes, indentOf, lastSegment, mayBeCredential, namesIn, rangeOf, sourceRulesOutCredential, startOf } from '../model-pass';
import type { ModelPassResult } from '../python/models';

/** The node types the model pass looks at (keep in sync with its switch). */
const VISITED_TYPES = new Set(['public_field_definition', 'field_definition', 'new_expression', 'call_expression', 'string', 'template_string']);
const NAME_TYPES = new Set(['identifier', 'property_identifier', 'shorthand_property_identifier', 'type_identifier']);
const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);
const MAX_NESTING = 3;
const MAX_CALL_ARGS = 32;

interface PluginCall {
  schemaVar: string;
  plugin: string;
  /** `fields` (mongoose-field-encryption) / `encryptedFields` (mongoose-encryption), when given. */
  fields?: string[];
  fieldsArrayEnd?: { line: number; character: number };
  excluded: string[];
}

interface MongooseModel {
  model: ModelFact;
  schemaVar?: string;
}

/**
 * What one top-level statement holds. Schemas and plugin calls meet across statements, and an
 * `@Column` model's ORM depends on the file's imports: finishTypeScriptModels settles both.
 */
export interface TypeScriptModelPassResult extends ModelPassResult {
  mongoose: MongooseModel[];
  plugins: PluginCall[];
}

export function extractTypeScriptModelFacts(chunk: Node, text: string): TypeScriptModelPassResult {
  const models: ModelFact[] = [];
  const literals: StringLiteralFact[] = [];
  const classModels = new Map<number, ModelFact>();
  const mongoose: MongooseModel[] = [];
  const plugins: PluginCall[] = [];

  forEachNodeOfTypes(chunk, VISITED_TYPES, (node) => {
    switch (node.type) {
      case 'public_field_definition':
      case 'field_definition':
        decoratedField(node, text, classModels, models);
        return;
      case 'new_expression': {
        const found = mongooseSchema(node, text);
        if (found) {
          mongoose.push(found);
          models.push(found.model);
        }
        return;
      }
      case 'call_expression': {
        const model = sequelizeModel(node);
        if (model) models.push(model);
        const plugin = pluginCall(node);
        if (plugin) plugins.push(plugin);
        return;
      }
      case 'string':
      case 'template_string': {
        const literal = stringLiteral(node, text);
        if (literal) literals.push(literal);
      }
    }
  });
  return { models, literals, mongoose, plugins };
}

/**
 * The file's models once all its statements are read: `@Column` models become Sequelize ones
 * when `Column` comes from sequelize-typescript (TypeORM's transformer fix does not apply), and
 * encryption plugins mark the fields of their schemas. The chunks' own facts stay untouched
 * (they are cached): changed models are copies.
 */
export function finishTypeScriptModels(chunks: readonly TypeScriptModelPassResult[], columnModule: string | undefined): ModelFact[] {
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
  if (plugins.length) {
    for (const chunk of chunks) {
      for (const schema of chunk.mongoose) {
        const model = replaced.get(schema.model) ?? schema.model;
        const fields = withPlugins(model.fields, schema.schemaVar, plugins);
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
  const decorators = decoratorsOf(node);
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
    columnName: options ? stringValue(entryValue(options, 'name')) : undefined,
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

function decoratorsOf(node: Node): Node[] {
  const found = node.namedChildren.filter((child): child is Node => child?.type === 'decorator');
  let previous = node.previousNamedSibling;
  while (previous && (previous.type === 'decorator' || previous.type === 'comment')) {
    if (previous.type === 'decorator') found.unshift(previous);
    previous = previous.previousNamedSibling;
  }
  return found;
}

function enclosingClass(node: Node): Node | undefined {
  let current = node.parent;
  for (let depth = 0; current && depth < 4; depth++, current = current.parent) {
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
    name = stringValue(list[0]);
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
      columnName: value.type === 'object' ? stringValue(entryValue(value, 'field')) : undefined,
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
  let holder = node.parent;
  while (holder && WRAPPERS.has(holder.type)) holder = holder.parent;
  if (holder?.type === 'variable_declarator' && holder.childForFieldName('name')?.type === 'identifier') {
    schemaVar = holder.childForFieldName('name')!.text;
    statement = holder.parent ?? undefined;
    if (statement?.parent?.type === 'export_statement') statement = statement.parent;
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

function collectSchemaFields(definition: Node, fields: ModelFieldFact[], depth: number): void {
  for (const entry of realChildren(definition)) {
    if (entry.type !== 'pair') continue;
    const key = propertyKey(entry);
    let value = entry.childForFieldName('value');
    if (!key || !value) continue;
    if (value.type === 'array') value = realChildren(value)[0] ?? value;
    if (value.type === 'object' && !entryValue(value, 'type')) {
      // A nested path (`name: { first: String }`): its leaves are the fields.
      if (depth < MAX_NESTING) collectSchemaFields(value, fields, depth + 1);
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
      call.fields = items.map((item) => stringValue(item)).filter((value): value is string => value !== undefined);
      const last = items[items.length - 1];
      call.fieldsArrayEnd = last ? endOf(last) : { line: fields.startPosition.row, character: fields.startPosition.column + 1 };
    }
    const excluded = entryValue(options, 'excludeFromEncryption');
    if (excluded?.type === 'array') call.excluded = realChildren(excluded).map((item) => stringValue(item) ?? '');
    if (!/encrypt/i.test(plugin) && !entryValue(options, 'encryptionKey') && !entryValue(options, 'secret') && !call.fields) return undefined;
  } else if (!/encrypt/i.test(plugin)) {
    return undefined;
  }
  return call;
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

function realChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
}

function propertyKey(pair: Node): string | undefined {
  const key = pair.childForFieldName('key');
  if (!key) return undefined;
  if (key.type === 'property_identifier') return key.text;
  return stringValue(key);
}

function entryValue(object: Node, name: string): Node | undefined {
  for (const entry of object.namedChildren) {
    if (entry?.type === 'pair' && propertyKey(entry) === name) return entry.childForFieldName('value') ?? undefined;
    if (entry?.type === 'shorthand_property_identifier' && entry.text === name) return entry;
  }
  return undefined;
}

function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.namedChildren.map((child) => child?.text ?? '').join('');
  if (node.type === 'template_string' && !node.namedChildren.some((child) => child?.type === 'template_substitution')) return node.text.slice(1, -1);
  return undefined;
}

function stringLiteral(node: Node, text: string): StringLiteralFact | undefined {
  if (sourceRulesOutCredential(text.slice(node.startIndex, node.endIndex))) return undefined;
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
  if (!mayBeCredential(value)) return undefined;
  const literal: StringLiteralFact = { value, range: rangeOf(node), quote: node.text[0] ?? "'", prefix: '', plain };
  if (isNamePosition(node)) literal.namePosition = true;
  describeContext(node, literal, text);
  return literal;
}

/** `import x from 'y'`, `{ 'k': v }`, `class A { 'm'() {} }`, `type T = 'x'`: names, not values. */
function isNamePosition(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'literal_type' || parent.type === 'import_require_clause' || parent.type === 'module' || parent.type === 'internal_module') return true;
  return ['source', 'key', 'name'].some((field) => parent.childForFieldName(field)?.id === node.id);
}

function describeContext(node: Node, literal: StringLiteralFact, text: string): void {
  let child: Node = node;
  let parent = node.parent;
  while (parent && WRAPPERS.has(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return;
  let args: Node | null = null;
  // Calls with very many arguments (generated code) are not client constructors: stay linear.
  if (parent.type === 'arguments' && parent.namedChildCount > MAX_CALL_ARGS) return;
  switch (parent.type) {
    case 'pair': {
      if (parent.childForFieldName('value')?.id !== child.id) return;
      literal.target = propertyKey(parent);
      // Up through nested option objects: `new BedrockRuntimeClient({ credentials: { accessKeyId: '...' } })`.
      let container: Node | null = parent.parent;
      for (let depth = 0; container && depth < 3; depth++) {
        if (container.parent?.type === 'arguments') {
          args = container.parent;
          break;
        }
        if (container.parent?.type !== 'pair') break;
        container = container.parent.parent;
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
      const statement = parent.parent;
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
  const call = args && args.namedChildCount <= MAX_CALL_ARGS ? args.parent : undefined;
  if (call && (call.type === 'call_expression' || call.type === 'new_expression')) {
    literal.callee = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function')?.text.slice(0, 200);
    const first = realChildren(args!)[0];
    literal.calleeFirstString = stringValue(first);
  }
}
