// What a key is: the AI providers' key shapes (catalogues/vendors.ts), the names and client
// arguments that hold a credential, and what is only a placeholder. hardcoded-ai-key reports
// them; the log, error and vendor fixes use the same tests to leave secrets out of the text they
// write.

import { VENDORS, type ApiKeyShape, type VendorEntry } from '../catalogues/vendors';
import type { StringLiteralFact } from '../model/facts';
import { tokenize } from './phi/identifiers';

/** The provider a key belongs to: its vendor entry, how messages name it, the env var a fix reads. */
export interface KeyProvider {
  vendor: VendorEntry;
  /** Human name: `OpenAI`, `AWS Bedrock`. */
  label: string;
  /** The environment variable a fix reads. */
  env: string;
}

/** The vendors whose API keys are known, in the order their shapes and words are tried. */
const KEYED_VENDORS = VENDORS.filter((vendor): vendor is VendorEntry & { key: ApiKeyShape } => vendor.key !== undefined);
const AWS_BEDROCK = KEYED_VENDORS.find((vendor) => vendor.id === 'aws-bedrock')!;
const GOOGLE = KEYED_VENDORS.find((vendor) => vendor.id === 'google')!;

/** Words of the Google services whose `AIza…` browser keys are no AI key (Firebase, Maps). */
const NON_AI_GOOGLE_WORDS = new Set(['firebase', 'maps', 'places', 'geocoding', 'recaptcha', 'youtube']);
/** Keys only a Firebase web app's config holds beside its `apiKey`. */
const FIREBASE_CONFIG_KEYS = new Set(['authDomain', 'messagingSenderId', 'storageBucket', 'databaseURL']);

/**
 * Whether an `AIza…` literal is a Firebase web app's or a Maps key by the names around it
 * (`FIREBASE_API_KEY = …`, `os.getenv("FIREBASE_WEB_API_KEY") or …`, `firebaseConfig = {apiKey:
 * …, authDomain: …}`): Google issues every API key in that one shape, and these are public
 * identifiers shipped to every browser by design, not credentials for an AI model. A name that
 * also says Gemini or Vertex keeps it an AI key.
 */
function isNonAiGoogleKey(literal: StringLiteralFact): boolean {
  const names = [literal.target, literal.record, literal.calleeFirstString, literal.callee].filter((name): name is string => !!name);
  if (names.some((name) => vendorNamedIn(name) !== undefined)) return false;
  if (names.some((name) => tokenize(name).some((token) => NON_AI_GOOGLE_WORDS.has(token)))) return true;
  return (literal.siblingKeys ?? []).filter((sibling) => FIREBASE_CONFIG_KEYS.has(sibling)).length >= 2;
}

const AWS_ACCESS_KEY = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
/** Clients that take the key as their first positional argument. */
const POSITIONAL_KEY_CLIENTS = /(?:^|\.)(?:Client|ClientV2|AsyncClient|CohereClient|HfInference|InferenceClient|MistralClient|AzureKeyCredential|Groq|Replicate)$/;
const ENV_READS = /(?:getenv|environ\.get|environ\.setdefault|env\.get|getEnv)$/;
/** Option keys and names that hold a credential. */
const KEY_WORDS = ['apikey', 'key', 'token', 'secret', 'accesskeyid', 'secretaccesskey', 'sessiontoken', 'credential', 'password', 'bearer', 'auth', 'authorization'];
const NOT_KEY_LAST_TOKENS = new Set(['tokens', 'name', 'id', 'ids', 'url', 'uri', 'path', 'file', 'env', 'var', 'type', 'prefix', 'length', 'count', 'limit', 'header', 'field', 'version', 'model', 'region', 'endpoint', 'base']);
// Runs such as `abcdef` or `123456` are not listed: a key may contain one, and a value made mostly
// of runs is caught by randomEnough's share of sequential characters.
const PLACEHOLDER_WORDS = [
  '...', '\u2026', 'xxx', '***', '<', '>', '{', '}', '$', '%s', 'your', 'placeholder', 'example', 'fake', 'dummy', 'test',
  'sample', 'changeme', 'change-me', 'change_me', 'replace', 'insert', 'redacted', 'mock', 'demo', 'todo', 'fixme', 'here',
  'notreal', 'not-a-real', 'not_a_real', 'invalid', 'foobar', 'lorem', 'qwerty', 'secret', 'password',
];

/** First four characters and an ellipsis: never the key itself. */
export function maskKey(key: string): string {
  return `${key.slice(0, 4)}\u2026`;
}

/**
 * Whether a value, alone, has the shape of a provider key (`sk-proj-…`, `AIza…`, an AWS access
 * key id), placeholders included: a fix that must not copy a secret leaves out anything this says.
 */
export function isKeyShaped(value: string): boolean {
  const key = /^Bearer\s+(\S+)$/i.exec(value)?.[1] ?? value;
  if (/\s/.test(key) || key.length < 16) return false;
  if (AWS_ACCESS_KEY.test(key)) return true;
  return KEYED_VENDORS.some((vendor) => vendor.key.pattern?.test(key) && randomEnough(key.replace(/^[a-z]+[-_](?:[a-z]+[-_])?/i, ''), true));
}

export interface KeyFinding {
  key: string;
  provider: KeyProvider;
  envName: string;
}

/** The provider and env var of a literal that is a hard-coded key; undefined for anything else. */
export function classifyLiteral(literal: StringLiteralFact): KeyFinding | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(literal.value);
  const key = bearer ? bearer[1] : literal.value;
  if (/\s/.test(key) || looksLikePlaceholder(key)) return undefined;
  const target = literal.target ?? '';
  const callee = literal.callee ?? '';

  // 1. Key-shaped literals of the major providers, anywhere.
  for (const vendor of KEYED_VENDORS) {
    if (vendor.key.pattern?.test(key) && randomEnough(key.replace(/^[a-z]+[-_](?:[a-z]+[-_])?/i, ''), true)) {
      if (vendor === GOOGLE && isNonAiGoogleKey(literal)) return undefined;
      const provider = keyProvider(vendor);
      return { key, provider, envName: envNameFor(provider, target, literal) };
    }
  }
  // 2. Any credential literal passed to an AI client or assigned to an AI key name.
  if (!randomEnough(key, false)) return undefined;
  const clientVendor = vendorNamedIn(callee, literal.calleeFirstString);
  if (clientVendor) {
    const keyArgument = isKeyName(target) || (literal.argIndex === 0 && !target && POSITIONAL_KEY_CLIENTS.test(callee));
    if (keyArgument) {
      const provider = clientVendor === AWS_BEDROCK || AWS_ACCESS_KEY.test(key) ? awsProvider(target, key) : keyProvider(clientVendor);
      return { key, provider, envName: envNameFor(provider, target, literal) };
    }
  }
  const namedVendor = isKeyName(target) ? vendorNamedIn(target) : undefined;
  if (namedVendor) {
    const provider = keyProvider(namedVendor);
    return { key, provider, envName: envNameFor(provider, target, literal) };
  }
  // `os.getenv("OPENAI_API_KEY", "<literal>")`: a hard-coded fallback.
  if (literal.argIndex === 1 && ENV_READS.test(callee) && literal.calleeFirstString && isKeyName(literal.calleeFirstString)) {
    const vendor = vendorNamedIn(literal.calleeFirstString);
    if (vendor) return { key, provider: keyProvider(vendor), envName: literal.calleeFirstString };
  }
  return undefined;
}

/** AWS keys: the access key id, the secret or the session token, by the name that receives it. */
function awsProvider(target: string, key: string): KeyProvider {
  const compact = compactName(target);
  const env = AWS_ACCESS_KEY.test(key)
    ? 'AWS_ACCESS_KEY_ID'
    : compact.includes('secret')
      ? 'AWS_SECRET_ACCESS_KEY'
      : compact.includes('session')
        ? 'AWS_SESSION_TOKEN'
        : 'AWS_ACCESS_KEY_ID';
  return { ...keyProvider(AWS_BEDROCK), env };
}

function keyProvider(vendor: VendorEntry & { key: ApiKeyShape }): KeyProvider {
  return { vendor, label: vendor.key.label ?? vendor.name, env: vendor.key.env };
}

/** The AI provider a client, env or option name names by its words (`AzureChatOpenAI`, `ANTHROPIC_API_KEY`). */
function vendorNamedIn(name: string, firstString?: string): (VendorEntry & { key: ApiKeyShape }) | undefined {
  const compact = compactName(name);
  if (!compact) return undefined;
  const tokens = new Set(tokenize(name));
  for (const vendor of KEYED_VENDORS) {
    if (vendor.key.words.some((word) => (word.length <= 3 ? tokens.has(word) : compact.includes(word)))) return vendor;
  }
  // `boto3.client("bedrock-runtime", ...)`, `session.client('bedrock')`.
  if (firstString && /bedrock/i.test(firstString) && /client|session/i.test(name)) return AWS_BEDROCK;
  return undefined;
}

/** Whether a variable, attribute or option name says it holds a credential (`api_key`, `token`, `password`). */
export function isKeyName(name: string): boolean {
  if (!name) return false;
  const tokens = tokenize(name);
  const compact = compactName(name);
  if (compact.endsWith('accesskeyid')) return true;
  if (tokens.length && NOT_KEY_LAST_TOKENS.has(tokens[tokens.length - 1])) return false;
  return KEY_WORDS.some((word) => (word === 'key' || word === 'auth' ? tokens.includes(word) : compact.includes(word)));
}

function compactName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The env var for the fix: the one the code already names (`OPENAI_API_KEY = "..."`), else the provider's. */
function envNameFor(provider: KeyProvider, target: string, literal: StringLiteralFact): string {
  for (const candidate of [target, literal.calleeFirstString ?? '']) {
    const named = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/.exec(candidate)?.[1];
    if (named && /KEY|TOKEN|SECRET/.test(named) && (candidate === target || ENV_READS.test(literal.callee ?? ''))) return named;
  }
  return provider.env;
}

function looksLikePlaceholder(value: string): boolean {
  if (value.length < 16) return true;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.some((word) => lower.includes(word))) return true;
  // An environment variable's name, a URL, a path, a model name: not a key.
  if (/^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(value)) return true;
  if (/^[a-z]+:\/\//i.test(value) || value.includes('/') && value.includes('.')) return true;
  return false;
}

/** Whether the characters look random: keys do, placeholders and repeated patterns do not. */
function randomEnough(body: string, shaped: boolean): boolean {
  if (body.length < 16) return false;
  if (!/[0-9]/.test(body) || !/[A-Za-z]/.test(body)) return false;
  const counts = new Map<string, number>();
  let sequential = 0;
  for (let i = 0; i < body.length; i++) {
    counts.set(body[i], (counts.get(body[i]) ?? 0) + 1);
    const step = i > 0 ? body.charCodeAt(i) - body.charCodeAt(i - 1) : 0;
    if (step === 1 || step === 0) sequential++;
  }
  if (counts.size < (shaped ? 10 : 12)) return false;
  if (sequential > body.length * 0.4) return false;
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / body.length;
    entropy -= p * Math.log2(p);
  }
  if (entropy < 3.2) return false;
  // Keys are one token: prose-like literals with many dashes (`sk-spinner-fading-circle`) are not.
  const separators = (body.match(/[-_.]/g) ?? []).length;
  return separators <= Math.max(3, body.length / 8);
}
