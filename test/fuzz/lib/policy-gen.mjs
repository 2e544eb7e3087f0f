// Random `phi-guard.json` documents: real policy files mutated at the JSON level (keys and values
// replaced, wrong types, prototype-ish keys, odd names), documents built from scratch with the
// real keys and random values, and raw text damage (truncation, stray characters, comments).

import { policyCorpus } from './corpus.mjs';

const TOP_KEYS = ['$schema', 'extends', 'phi', 'audit', 'roles', 'encryption', 'secureDebug', 'vendors', 'aiTools', 'rules', 'ignore'];
const NESTED_KEYS = {
  phi: ['add', 'remove', 'safeIdentifiers', 'recordNames', 'sanitizers'],
  audit: ['python', 'typescript'],
  encryption: ['types', 'required'],
  secureDebug: ['python', 'typescript'],
  rules: ['phi-in-log', 'phi-in-error', 'phi-to-third-party', 'phi-to-ai', 'missing-phi-access', 'phi-access-mismatch',
    'unencrypted-phi-field', 'hardcoded-ai-key', 'unjustified-suppression', 'no-such-rule'],
};
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '*', '.', 'a.b', '\u0000',
  '😀', 'x'.repeat(300)];
const ODD_STRINGS = ['', ' ', '*', '**', '.', '..', '../..', '/', '/etc/passwd', 'C:\\x', 'https://evil.example/p.json', '~/.x', '\\',
  '(', ')', '[', '.*', '$', '^', '|', '+', '?', '{', 'a'.repeat(5000), 'patient', 'ssn', 'dob', 'name', 'patient_id', 'id', 'x', '\n',
  '\u0000', '😀', 'logger.info', 'app.security.audit', 'phi_access', 'EncryptedType', 'clinical', 'demographics', 'billing', 'error',
  'warning', 'info', 'off', 'signed', 'pending', 'none', 'expired', 'approved', 'restricted', 'prohibited', 'allowed', 'never',
  'deidentified-only', '2020-01-01', '2099-12-31', '2024-02-30', 'not-a-date', './base.json', './missing.json', './phi-guard.json',
  '../phi-guard.json', 'tests/**', '**', '!**', '**/*.py', '[', 'openai', 'datadog', 'sentry', 'gpt-4.1', '__proto__', 'constructor'];

function randomScalar(random) {
  return random.weighted([
    [6, () => random.pick(ODD_STRINGS)],
    [1, () => random.int(-5, 5)],
    [1, () => random.pick([0, -1, 1e308, -0, 0.5, 2 ** 53 + 1])],
    [1, () => random.bool()],
    [1, () => null],
  ])();
}

function randomValue(random, depth = 0) {
  if (depth > 4) return randomScalar(random);
  return random.weighted([
    [5, () => randomScalar(random)],
    [3, () => Array.from({ length: random.int(0, 6) }, () => randomValue(random, depth + 1))],
    [2, () => randomObject(random, depth + 1)],
  ])();
}

function randomObject(random, depth, keys = null) {
  const object = {};
  const count = random.int(0, 6);
  for (let i = 0; i < count; i++) {
    const key = keys && random.bool(0.7) ? random.pick(keys) : random.bool(0.8) ? random.pick(ODD_STRINGS) : random.pick(ODD_KEYS);
    defineKey(object, key, randomValue(random, depth));
  }
  return object;
}

/** `__proto__` as a real own key (JSON.parse does this too). */
function defineKey(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A document with the real structure and random values in it. */
function structuredPolicy(random) {
  const policy = {};
  for (const key of TOP_KEYS) {
    if (!random.bool(0.5)) continue;
    if (key === 'vendors' || key === 'aiTools') {
      defineKey(policy, key, Array.from({ length: random.int(0, 5) }, () =>
        random.bool(0.8)
          ? randomObject(random, 1, ['id', 'name', 'kind', 'baa', 'expires', 'allow', 'models', 'endpoints', 'vendor', 'extensionIds', 'status', 'phi', 'useCases', 'notes'])
          : randomValue(random, 2)));
    } else if (key === 'phi' && random.bool(0.7)) {
      const phi = {};
      for (const sub of NESTED_KEYS.phi) {
        if (!random.bool(0.6)) continue;
        defineKey(phi, sub, sub === 'add'
          ? Array.from({ length: random.int(0, 4) }, () => (random.bool(0.8) ? randomObject(random, 2, ['name', 'category', 'encrypt']) : randomValue(random, 3)))
          : Array.from({ length: random.int(0, 6) }, () => (random.bool(0.85) ? random.pick(ODD_STRINGS) : randomValue(random, 3))));
      }
      defineKey(policy, key, phi);
    } else if (key === 'roles' && random.bool(0.7)) {
      const roles = {};
      for (let i = 0; i < random.int(0, 4); i++) {
        defineKey(roles, random.bool(0.8) ? random.pick(ODD_STRINGS) : random.pick(ODD_KEYS),
          random.bool(0.8) ? Array.from({ length: random.int(0, 4) }, () => random.pick(ODD_STRINGS)) : randomValue(random, 2));
      }
      defineKey(policy, key, roles);
    } else if (NESTED_KEYS[key] && random.bool(0.7)) {
      defineKey(policy, key, randomObject(random, 1, NESTED_KEYS[key]));
    } else {
      defineKey(policy, key, randomValue(random, 1));
    }
  }
  if (random.bool(0.2)) defineKey(policy, random.pick(ODD_KEYS), randomValue(random, 1));
  return policy;
}

/** Walks a parsed real policy and replaces a few values / keys at random. */
function mutateParsed(random, value, depth = 0) {
  if (Array.isArray(value)) {
    const out = value.map((item) => (random.bool(0.2) ? randomValue(random, depth + 1) : mutateParsed(random, item, depth + 1)));
    if (random.bool(0.1)) out.push(randomValue(random, depth + 1));
    return out;
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      if (random.bool(0.05)) continue;
      const newKey = random.bool(0.05) ? random.pick(ODD_KEYS.concat(ODD_STRINGS)) : key;
      defineKey(out, newKey, random.bool(0.15) ? randomValue(random, depth + 1) : mutateParsed(random, item, depth + 1));
    }
    return out;
  }
  return random.bool(0.15) ? randomScalar(random) : value;
}

/** Policy files are JSON with comments: strip them for JSON.parse (good enough for the corpus). */
function parseJsonc(text) {
  try {
    return JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/([,{[\]"\d])\s*\/\/[^\n"]*$/gm, '$1').replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

function damageText(random, text) {
  const operation = random.weighted([[3, 'truncate'], [2, 'insert'], [1, 'delete'], [1, 'comment'], [1, 'duplicate-key'], [1, 'deep'], [1, 'bom']]);
  const at = random.int(0, text.length);
  switch (operation) {
    case 'truncate':
      return { text: text.slice(0, at), note: `truncated at ${at}` };
    case 'insert':
      return { text: text.slice(0, at) + random.pick(['{', '}', '[', ']', ',', ':', '"', '\\', '/*', '//', '\u0000', '\ud800', 'null', ',,']) + text.slice(at), note: 'stray character' };
    case 'delete':
      return { text: text.slice(0, at) + text.slice(at + random.int(1, 20)), note: 'deleted characters' };
    case 'comment':
      return { text: `/* unterminated ${text}`, note: 'unterminated comment' };
    case 'duplicate-key':
      return { text: text.replace('{', '{ "rules": {}, "rules": 5, "phi": [], '), note: 'duplicate keys' };
    case 'deep': {
      const depth = random.pick([100, 1000, 10_000]);
      return { text: `{ "phi": ${'['.repeat(depth)}${']'.repeat(depth)} }`, note: `nesting x${depth}` };
    }
    default:
      return { text: `\ufeff${text}`, note: 'BOM' };
  }
}

/** Returns { text, note } for one random policy file. */
export function randomPolicyText(random) {
  const kind = random.weighted([[3, 'mutated-real'], [3, 'structured'], [2, 'damaged-real'], [1, 'damaged-structured'], [1, 'not-an-object']]);
  if (kind === 'not-an-object') {
    return { text: JSON.stringify(randomValue(random)) ?? '', note: 'top level is not an object' };
  }
  if (kind === 'structured' || kind === 'damaged-structured') {
    const text = JSON.stringify(structuredPolicy(random), null, random.pick([0, 2]));
    if (kind === 'structured') return { text, note: 'random values in the real structure' };
    const damaged = damageText(random, text);
    return { text: damaged.text, note: `random structure, ${damaged.note}` };
  }
  const base = random.pick(policyCorpus());
  if (kind === 'damaged-real') {
    const damaged = damageText(random, base);
    return { text: damaged.text, note: `real policy, ${damaged.note}` };
  }
  const parsed = parseJsonc(base);
  if (parsed === undefined) return { text: base, note: 'real policy (as is)' };
  return { text: JSON.stringify(mutateParsed(random, parsed), null, 2), note: 'real policy, values mutated' };
}
