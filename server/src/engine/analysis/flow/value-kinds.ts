// What kind of value a call or a member gives, beyond the pass-through tables of flow.ts: a
// record's string form or its data, a frame's shape, configuration, a serializer's data
// (docs/rules/phi-in-log.md, "What is followed").

import type { BindingFact, Expr } from '../../model/facts';
import { tokenize } from '../phi/identifiers';

/** Pass-through functions that give the record's string form (`str(patient)` prints what `print(patient)` does). */
export const STRING_FORM_FUNCTIONS = new Set(['str', 'repr', 'format', 'String']);
export const STRING_FORM_METHODS = new Set(['format', 'format_map']);

/** Modules whose pass-through functions are called through the module (`json.dumps`, `Object.assign`, `pd.DataFrame`). */
export const PASS_THROUGH_MODULES = new Set(['json', 'JSON', 'pprint', 'copy', 'Object', 'dataclasses', 'util', 'os', 'Array', 'pd', 'pandas', 'itertools', 'collections', 'attr', 'attrs']);

/** Name tokens of a value that is already a serialisation of a record, not the record object. */
export const SERIALISED_WORDS = new Set(['json', 'str', 'string', 'text', 'dump', 'csv', 'yaml', 'xml', 'serialized', 'serialised', 'repr', 'html']);

/** Members that describe a collection or a frame, not its values (`df.shape`, `rows.length`). */
export const SHAPE_MEMBERS = new Set(['shape', 'ndim', 'dtypes', 'empty', 'size', 'length', 'columns']);

/** Last tokens of a root object that holds configuration (`emailConfig`, `settings`, `process.env`). */
const CONFIG_WORDS = new Set(['config', 'configuration', 'settings', 'setting', 'env', 'environ', 'options', 'opts', 'conf', 'cfg', 'constants', 'process']);

/**
 * `ssl_config`, `settings`, `app_conf`: an object read from the deployment's configuration, whose
 * values (`ssl_config.get("ssl_email")`) are configuration, not a person's. Not `options`/`opts`,
 * which name a function's arguments as often as its settings.
 */
export function isConfigurationObjectName(name: string | undefined): boolean {
  const tokens = name ? tokenize(name) : [];
  return tokens.length > 0 && CONFIGURATION_OBJECT_WORDS.has(tokens[tokens.length - 1]);
}

const CONFIGURATION_OBJECT_WORDS = new Set(['config', 'configuration', 'settings', 'conf', 'cfg']);

export function isConfigName(name: string | undefined): boolean {
  const tokens = name ? tokenize(name) : [];
  return tokens.length > 0 && CONFIG_WORDS.has(tokens[tokens.length - 1]);
}

/** Functions whose result is a number or a boolean, whatever they are given: a variable assigned one is clean (`patient_num = len(rows)`). */
/** Calls that write their one argument as text (`JSON.stringify`, `json.dumps`). */
export const SERIALISING_CALLS = new Set(['JSON.stringify', 'json.dumps', 'String', 'str']);

/** Methods of a query or a collection of rows that answer how many rows match (`prisma.x.count(…)`, `qs.count()`). */
const STORE_COUNT_METHODS = new Set(['count', 'countDocuments', 'estimatedDocumentCount']);

/** `await prisma.token.count({ where: { email } })`, `Patient.objects.filter(...).count()`: a number of rows. */
export function isStoreCount(expr: Expr | undefined): boolean {
  return expr?.kind === 'call' && expr.callee.kind === 'member' && STORE_COUNT_METHODS.has(expr.callee.property);
}

export const COUNTS_AND_TESTS = new Set(['len', 'bool', 'isinstance', 'issubclass', 'hasattr', 'callable', 'any', 'all', 'Boolean', 'isNaN', 'isFinite']);

/** Methods that list an archive's or a folder's entries by name (`zf.namelist()`, `tar.getnames()`, `os.listdir()`): file names, not people. */
export const FILE_LISTING_METHODS = new Set(['namelist', 'infolist', 'getnames', 'getmembers', 'listdir', 'scandir', 'iterdir', 'glob', 'rglob', 'readdirSync', 'readdir']);

/** What a DRF serializer gives its data as. */
export const SERIALIZER_DATA_MEMBERS = new Set(['data', 'validated_data', 'initial_data']);

/**
 * For a serializer class or factory name (`PatientSerializer`, `get_serializer`), the record noun
 * it names (`Patient`; empty when it names none); undefined for other names.
 */
export function serializerRecordName(name: string): string | undefined {
  const tokens = tokenize(name);
  if (tokens.length === 0 || tokens[tokens.length - 1] !== 'serializer') return undefined;
  return /^[A-Z]/.test(name) ? tokens.slice(0, -1).join('_') : '';
}

/** `PatientSerializer(p)`, `self.get_serializer(p)`, or a variable assigned one. */
export function isSerializerValue(expr: Expr, resolve: (name: string) => BindingFact | undefined): boolean {
  let current = expr;
  for (let i = 0; i < 4; i++) {
    while (current.kind === 'other' && current.children.length === 1) current = current.children[0];
    if (current.kind === 'call') {
      const callee = current.callee;
      const name = callee.kind === 'name' ? callee.name : callee.kind === 'member' ? callee.property : undefined;
      return !!name && serializerRecordName(name) !== undefined;
    }
    if (current.kind !== 'name') return false;
    const binding = resolve(current.name);
    if (!binding) return false;
    current = binding.value;
  }
  return false;
}

/** Objects holding a request's URL parameters, whatever the framework calls them. */
const URL_PARAMETER_OBJECTS = new Set(['query_params', 'queryParams', 'searchParams', 'search_params', 'path_params', 'pathParams', 'route_params', 'routeParams', 'queryStringParameters', 'pathParameters']);
/** Members of a request that hold its URL parameters (`req.query`, `request.args`, `request.GET`). */
const REQUEST_URL_MEMBERS = new Set(['query', 'params', 'args', 'GET']);

/**
 * `request.query_params`, `req.query`, `url.searchParams`, `event.queryStringParameters`: a
 * request's URL parameters, which are strings (an id or a reference), never a whole record.
 */
export function isUrlParameters(expr: Expr): boolean {
  if (expr.kind === 'name') return URL_PARAMETER_OBJECTS.has(expr.name);
  if (expr.kind !== 'member') return false;
  if (URL_PARAMETER_OBJECTS.has(expr.property)) return true;
  if (!REQUEST_URL_MEMBERS.has(expr.property)) return false;
  const owner = expr.object.kind === 'name' ? expr.object.name : expr.object.kind === 'member' ? expr.object.property : undefined;
  return !!owner && ['req', 'request'].includes(tokenize(owner).at(-1) ?? '');
}
