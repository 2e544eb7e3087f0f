// Which names mean "encrypted at the application level", and which PHI elements must be.

import type { ResolvedPolicy } from '../model/policy';
import { BUILTIN_ELEMENTS } from '../catalogues/phi-elements';
import type { PhiClassifier } from './phi/classify';
import { tokenize } from './phi/identifiers';

/** Encrypted column types and helpers known without any policy (sqlalchemy-utils, django-cryptography, ...). */
const WELL_KNOWN = new Set([
  'EncryptedType', 'StringEncryptedType', 'AesEncryptedType', 'AesGcmEncryptedType', 'EncryptedString', 'encrypt',
  'PGPSymmetricKeyField', 'PGPPublicKeyField', 'FernetEngine', 'AesEngine',
]);
/** Tokens that mark an encrypting type, wrapper, transformer or plugin (`EncryptedCharField`, `encryptionTransformer`). */
const TOKEN_STEMS = ['encrypt', 'decrypt', 'cipher'];
const TOKENS = new Set(['fernet', 'pgp', 'crypto', 'crypt', 'cryptography', 'vault', 'kms', 'aes']);

/** The bare name of a policy entry: `app.crypto.EncryptedText`, `@/security/encryption#encryptionTransformer`. */
export function bareName(entry: string): string {
  const hash = entry.lastIndexOf('#');
  const rest = hash >= 0 ? entry.slice(hash + 1) : entry;
  const dot = rest.lastIndexOf('.');
  return dot >= 0 ? rest.slice(dot + 1) : rest;
}

export function isEncryptionName(name: string, policy: ResolvedPolicy): boolean {
  const bare = bareName(name);
  if (WELL_KNOWN.has(bare)) return true;
  if (policy.encryption.types.some((entry) => bareName(entry) === bare)) return true;
  return tokenize(bare).some((token) => TOKENS.has(token) || TOKEN_STEMS.some((stem) => token.startsWith(stem)));
}

/** A field name that says its value is already protected by the application (`ssn_encrypted`, `ssn_hash`). */
export function isProtectedValueName(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.some(
    (token, i) =>
      TOKEN_STEMS.some((stem) => token.startsWith(stem)) ||
      ['enc', 'hash', 'hashed', 'digest', 'hmac', 'masked', 'redacted', 'tokenized', 'token', 'ciphertext', 'last4', 'fingerprint'].includes(token) ||
      (token === 'last' && (tokens[i + 1] === 'four' || tokens[i + 1] === '4')),
  );
}

const requiredCache = new WeakMap<ResolvedPolicy, Set<string>>();

/** Elements that must be encrypted at rest: `encryption.required`, `phi.add[].encrypt`, catalogue flags. */
export function requiredElements(policy: ResolvedPolicy, classifier: PhiClassifier): Set<string> {
  let required = requiredCache.get(policy);
  if (required) return required;
  required = new Set<string>();
  for (const name of policy.encryption.required) {
    const found = classifier.classify(name);
    required.add(found.kind === 'element' ? found.element : name);
  }
  for (const element of policy.phi.add) if (element.encrypt) required.add(element.name);
  for (const element of BUILTIN_ELEMENTS) if (element.encrypt) required.add(element.element);
  requiredCache.set(policy, required);
  return required;
}
