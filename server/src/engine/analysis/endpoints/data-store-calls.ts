// Whether a call, by its callee's names alone, reads or writes a data store: a database client or
// ORM (`prisma.client.findMany`, `pool.query`, `db.session.add`, `Patient.objects.filter`,
// `Visit.findAll`), a repository or a raw query. Used to tell a handler that only sends the request's
// text to a generator (an AI service) and answers, storing nothing, from one that reads records.
// Array and string methods that share a verb (`items.find`, `list.filter`) are not counted: a
// helper that builds a prompt uses them.

import { tokenize } from '../phi/identifiers';

/** Receivers that are a database client, an ORM or a store. */
const STORE_RECEIVERS = new Set([
  'prisma', 'db', 'database', 'knex', 'pool', 'pg', 'sql', 'sequelize', 'mongoose', 'supabase', 'firestore', 'firebase',
  'repository', 'repo', 'dao', 'collection', 'objects', 'session', 'cursor', 'conn', 'connection', 'em', 'manager',
  'redis', 'cache', 'storage', 'bucket', 's3', 'dynamodb', 'table', 'tx', 'trx', 'transaction', 'model', 'models',
]);

/** Methods that only a store has (not an array's or a string's). */
const STORE_METHODS = new Set([
  'query', 'execute', 'executemany', 'raw', 'findMany', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow',
  'findOne', 'findById', 'findByPk', 'findAll', 'findAndCountAll', 'findOneAndUpdate', 'findByIdAndUpdate', 'insert',
  'insertOne', 'insertMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'upsert', 'save', 'bulkCreate',
  'fetchone', 'fetchall', 'fetchmany', 'get_object_or_404', 'get_list_or_404', 'scalars', 'commit', 'putItem', 'getItem',
  'putObject', 'getObject', 'hset', 'hget', '$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe', '$transaction',
]);

/** ORM model class methods (`Visit.create(...)`, `Patient.update(...)`) on a capitalised receiver. */
const MODEL_METHODS = new Set(['create', 'update', 'destroy', 'delete', 'get', 'filter', 'all', 'count', 'find', 'select', 'where']);

export function callsDataStore(callee: readonly string[]): boolean {
  if (!callee.length) return false;
  const last = callee[callee.length - 1];
  if (STORE_METHODS.has(last)) return true;
  const receivers = callee.slice(0, -1).filter((segment) => segment !== 'this' && segment !== 'self');
  if (receivers.some((segment) => tokenize(segment).some((token) => STORE_RECEIVERS.has(token)))) return true;
  const receiver = receivers[receivers.length - 1];
  return !!receiver && /^[A-Z][a-z]/.test(receiver) && MODEL_METHODS.has(last);
}

/**
 * A store call that reads the generator's own settings (`chatgptprompts.findOne(...)`,
 * `PromptTemplate.objects.get(...)`, `prisma.aiModel.findFirst(...)`): every receiver but the
 * store's client is named for a prompt, a template or the AI service, so it reads configuration,
 * not anyone's records.
 */
export function readsGenerationSettings(callee: readonly string[]): boolean {
  // The store's client itself (`prisma`, `db`, `objects`) says nothing of what is read.
  const receivers = callee.slice(0, -1).filter((segment) => segment !== 'this' && segment !== 'self' && !tokenize(segment).every((token) => STORE_RECEIVERS.has(token)));
  return receivers.length > 0 && receivers.every((segment) => tokenize(segment).some((token) => GENERATION_SETTINGS_WORDS.has(token)));
}

const GENERATION_SETTINGS_WORDS = new Set(['prompt', 'prompts', 'template', 'templates', 'gpt', 'chatgpt', 'llm', 'llms', 'openai', 'ai', 'genai']);

/** A store call that may read or write records: a data store, not the generator's own settings. */
export function usesRecordStore(callee: readonly string[]): boolean {
  return callsDataStore(callee) && !readsGenerationSettings(callee);
}

/** Clients that reach another service over HTTP: what they fetch is unknown (it may be a patient's record). */
const HTTP_CLIENTS = new Set(['fetch', 'axios', 'got', 'request', 'http', 'https', 'superagent', 'ky', 'httpx', 'requests', 'urlopen', 'aiohttp']);

/** Whether a call, by its callee's names, fetches over HTTP (`axios.get`, `requests.post`, `fetch`). */
export function callsOverHttp(callee: readonly string[]): boolean {
  return callee.some((segment) => HTTP_CLIENTS.has(segment));
}
