// What calls and operators do with the PHI in their receiver and arguments, by name (flow.ts):
// opaque (a length, a check), pass-through (another form of the same data), mapping, record queries.

/** Operators whose result is one of their operands (`a || b`, `a ?? b`, `a or b`). */
export const FALLBACK_OPERATORS = new Set(['||', '??', 'or']);

/** Calls whose result says nothing about the PHI in their arguments. */
export const OPAQUE_FUNCTIONS = new Set([
  'len', 'bool', 'isinstance', 'issubclass', 'type', 'id', 'hasattr', 'callable', 'any', 'all', 'count',
  'Boolean', 'isNaN', 'isFinite', 'isArray', 'typeof', 'exists', 'is_valid', 'isValid', 'includes', 'has',
  'startswith', 'endswith', 'startsWith', 'endsWith', 'isdigit', 'isalpha', 'isnumeric', 'test', 'match',
  'indexOf', 'index', 'find', 'keys', 'size', 'length', 'hash', 'ord', 'uuid4', 'uuid', 'now', 'utcnow',
]);

/** Calls that hand back their arguments' data in another form (`str(patient)`, `JSON.stringify`). */
export const PASS_THROUGH_FUNCTIONS = new Set([
  'str', 'repr', 'vars', 'dict', 'list', 'tuple', 'set', 'sorted', 'reversed', 'format', 'dumps', 'stringify',
  'String', 'assign', 'values', 'entries', 'structuredClone', 'deepcopy', 'copy', 'jsonable_encoder', 'asdict',
  'model_to_dict', 'serialize', 'pformat', 'to_json', 'toJSON', 'encode', 'parse', 'loads', 'from', 'Array',
  'Object', 'fromEntries', 'concat', 'join', 'f', 'escape', 'quote', 'unicode', 'text', 'safe', 'Markup',
  'mark_safe', 'getattr', 'get', 'pop', 'setdefault', 'cast', 'Number', 'int', 'float', 'round', 'date',
  'datetime', 'strftime', 'isoformat', 'new_str',
  // Containers built from others (docs/rules/phi-in-log.md, "What is followed").
  'zip', 'map', 'filter', 'enumerate', 'frozenset', 'iter', 'next', 'chain', 'Set', 'Map', 'OrderedDict',
  'Counter', 'deque', 'DataFrame', 'from_records', 'from_dict', 'json_normalize', 'astuple',
]);

/** Methods whose result is what their callback returns for each element (`rows.map((row) => row.id)`). */
export const MAPPING_METHODS = new Set(['map', 'flatMap']);

/** Methods that return (part of) the receiver's data or the arguments'. */
export const PASS_THROUGH_METHODS = new Set([
  'upper', 'lower', 'strip', 'lstrip', 'rstrip', 'title', 'capitalize', 'casefold', 'split', 'rsplit', 'join',
  'replace', 'format', 'format_map', 'encode', 'decode', 'zfill', 'ljust', 'rjust', 'center', 'partition',
  'strftime', 'isoformat', 'toString', 'toUpperCase', 'toLowerCase', 'trim', 'trimStart', 'trimEnd', 'slice',
  'substring', 'substr', 'padStart', 'padEnd', 'concat', 'toISOString', 'toLocaleDateString', 'toDateString',
  'toLocaleString', 'toJSON', 'normalize', 'at', 'charAt', 'repeat', 'values', 'items', 'copy', 'dict',
  'model_dump', 'model_dump_json', 'json', 'to_dict', 'toObject', 'serialize', 'asdict', 'splitlines', 'map',
  'filter', 'flat', 'flatMap', 'reduce', 'sort', 'reverse', 'toFixed', 'date', 'strip_tags', 'to_json',
  'dumps', 'render', 'getvalue', 'read', 'capitalize', 'swapcase', 'expandtabs', 'translate', 'removeprefix',
  'removesuffix', 'localeCompare', 'valueOf', 'toLocaleUpperCase', 'toLocaleLowerCase', 'get', 'pop',
  'setdefault', 'getattr', 'first', 'last',
  // Set operations and pandas frames shown whole (`.columns`, `.shape`, `len()` are not their data).
  'union', 'intersection', 'difference', 'symmetric_difference', 'head', 'tail', 'to_string', 'to_records',
  'to_csv', 'to_markdown', 'to_html', 'sample', 'from_records', 'from_dict', 'astuple',
]);

/** Query / collection methods: on a record-valued receiver, the result is still record data. */
export const QUERY_METHODS = new Set([
  'get', 'first', 'all', 'one', 'one_or_none', 'scalar', 'scalars', 'scalar_one', 'scalar_one_or_none',
  'order_by', 'limit', 'offset', 'where', 'filter', 'filter_by', 'fetchall', 'fetchone', 'fetchmany',
  'first_or_404', 'get_or_404', 'exclude', 'select_related', 'prefetch_related', 'only', 'defer', 'distinct',
  'paginate', 'execute', 'unique', 'find', 'find_one', 'findOne', 'findUnique', 'findUniqueOrThrow', 'findFirst',
  'findFirstOrThrow', 'findMany', 'findAll', 'findByPk', 'findById', 'findOneBy', 'findBy', 'findOneOrFail',
  'getOne', 'lean', 'exec', 'populate', 'sort', 'select', 'query', 'load', 'fetch', 'retrieve', 'read',
  'get_object_or_404', 'get_list_or_404', 'latest', 'earliest', 'last', 'aggregate', 'search', 'list',
  'getMany', 'getRawMany', 'getRawOne', 'then', 'get_by_id', 'getById', 'by_id', 'with_entities', 'objects',
  'query_one', 'fetch_one', 'fetch_all', 'one_or_404', 'get_patient', 'create', 'update', 'upsert', 'save',
]);

/** Methods that set a record from a dict of its fields (`update_from_dict`, `from_dict`, `fromJSON`). */
export const FROM_DICT_METHOD = /^(?:(?:update|create|populate|set|load)_?)?from_?(?:dict|data|json|payload)$/i;
/** Verbs of a function that looks records up by a typed term, and the fields holding that term. */
export const SEARCH_VERBS = new Set(['search', 'find', 'lookup']);
export const SEARCH_TERM_FIELDS = new Set(['q', 'query', 'term', 'search', 'searchTerm', 'search_term', 'keyword', 'text']);
export const FETCH_VERBS = new Set(['get', 'load', 'fetch', 'find', 'read', 'query', 'lookup', 'retrieve', 'select', 'search', 'list', 'pull', 'resolve', 'require', 'lookup']);

/** Words after a record noun that name a way to reach records (`patientRepository.findOne`). */
export const RECORD_ACCESS_WORDS = new Set([
  'repository', 'repo', 'service', 'services', 'model', 'objects', 'table', 'collection', 'store', 'dao',
  'client', 'api', 'manager', 'crud', 'queries', 'query', 'db', 'provider', 'gateway', 'accessor', 'loader',
]);
