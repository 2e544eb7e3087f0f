// Loading a policy file: read, parse (JSON with comments), validate, follow `extends`, merge over
// the defaults. Never throws for a bad file: every problem is a diagnostic in the file it is in,
// and whatever is valid still applies (POLICY.md).

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultPolicy } from './defaults';
import { parsePolicyJson } from './json-document';
import { mergePolicyLayers, type PolicyLayer } from './merge-policy';
import { validatePolicyDocument, type ExtendsEntry } from './schema-validation';
import { checkPolicySemantics, type PolicySource } from './semantic-checks';
import { START_OF_FILE } from './text-positions';
import type { LoadedPolicy, PolicyDiagnostic } from './types';

/** Deeper chains are almost certainly a mistake (cycles are reported separately). */
const MAX_EXTENDS_DEPTH = 16;

/** What a load read, with each file's state when read: the cache reloads when one changes. */
export type PolicyDependencies = Map<string, string>;

export interface TrackedLoad {
  loaded: LoadedPolicy;
  dependencies: PolicyDependencies;
}

/** Loads a policy file from disk. A missing or unreadable file gives the defaults and a diagnostic. */
export function loadPolicyFile(file: string): LoadedPolicy {
  return loadPolicyFileTracked(file).loaded;
}

/** Validates an unsaved editor buffer of a policy file; files it extends are read from disk. */
export function validatePolicyText(text: string, file: string): LoadedPolicy {
  const absolute = path.resolve(file);
  const state = new LoadState();
  return state.finish(absolute, state.collectLayers(absolute, text, [absolute], 0));
}

export function loadPolicyFileTracked(file: string): TrackedLoad {
  const absolute = path.resolve(file);
  const state = new LoadState();
  const read = state.read(absolute);
  if (!('text' in read)) {
    const missing = read.problem === 'missing';
    state.diagnostics.push({
      file: absolute,
      range: START_OF_FILE,
      severity: 'error',
      code: missing ? 'policy-not-found' : 'policy-unreadable',
      message: missing
        ? 'The policy file does not exist; the built-in defaults apply.'
        : `The policy file cannot be read (${read.detail}); the built-in defaults apply.`,
    });
    return { loaded: { policy: defaultPolicy(), file: absolute, files: [], diagnostics: state.diagnostics }, dependencies: state.dependencies };
  }
  const layers = state.collectLayers(absolute, read.text, [absolute], 0);
  return { loaded: state.finish(absolute, layers), dependencies: state.dependencies };
}

type ReadResult = { text: string } | { problem: 'missing' | 'unreadable'; detail: string };

class LoadState {
  readonly diagnostics: PolicyDiagnostic[] = [];
  readonly files: string[] = [];
  readonly dependencies: PolicyDependencies = new Map();
  /** Each layer's file and syntax tree, in merge order, for the semantic checks. */
  readonly sources: PolicySource[] = [];

  finish(file: string, layers: PolicyLayer[]): LoadedPolicy {
    const policy = mergePolicyLayers(layers, path.dirname(file));
    return { policy, file, files: this.files, diagnostics: unique([...this.diagnostics, ...semanticDiagnostics(this.sources, policy)]) };
  }

  /** The layers of one file: those of each file it extends, in order, then its own. */
  collectLayers(file: string, text: string, chain: string[], depth: number): PolicyLayer[] {
    if (!this.files.includes(file)) this.files.push(file);
    const document = parsePolicyJson(text, file);
    const validated = validatePolicyDocument(document);
    this.diagnostics.push(...document.diagnostics, ...validated.diagnostics);
    const layers: PolicyLayer[] = [];
    for (const entry of validated.extendsEntries) layers.push(...this.collectExtended(file, entry, chain, depth));
    layers.push({ content: validated.content, folder: path.dirname(file) });
    this.sources.push({ file, document, content: validated.content });
    return layers;
  }

  private collectExtended(file: string, entry: ExtendsEntry, chain: string[], depth: number): PolicyLayer[] {
    const report = (code: string, message: string, severity: PolicyDiagnostic['severity'] = 'error'): PolicyLayer[] => {
      this.diagnostics.push({ file, range: entry.range, severity, code, message });
      return [];
    };
    if (!isRelativeReference(entry.reference)) {
      return report('extends-invalid', `${entry.label} must be a relative path (such as ./security/org-policy.json), not an absolute path or URL. This file is not extended.`);
    }
    const target = path.resolve(path.dirname(file), entry.reference);
    if (chain.includes(target)) {
      const cycle = [...chain.slice(chain.indexOf(target)), target].map((step) => displayPath(step, chain[0])).join(' -> ');
      return report('extends-cycle', `${entry.label} creates a cycle (${cycle}); it is not followed.`);
    }
    if (depth + 1 > MAX_EXTENDS_DEPTH) {
      return report('extends-too-deep', `${entry.label} goes more than ${MAX_EXTENDS_DEPTH} levels of extends deep; it is not followed.`);
    }
    const read = this.read(target);
    if (!('text' in read)) {
      return read.problem === 'missing'
        ? report('extends-not-found', `${entry.label}: the file ${displayPath(target, file)} does not exist. This file is not extended.`)
        : report('extends-unreadable', `${entry.label}: the file ${displayPath(target, file)} cannot be read (${read.detail}). This file is not extended.`);
    }
    const before = this.diagnostics.length;
    const layers = this.collectLayers(target, read.text, [...chain, target], depth + 1);
    const errors = this.diagnostics.slice(before).filter((diagnostic) => diagnostic.severity === 'error').length;
    if (errors > 0) {
      report(
        'extends-has-problems',
        `${entry.label}: ${displayPath(target, file)} has ${errors} problem${errors === 1 ? '' : 's'}; its invalid parts are ignored.`,
        'warning',
      );
    }
    return layers;
  }

  /** Reads a file, recording its state first so a change after the read still invalidates the cache. */
  read(file: string): ReadResult {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(file, { throwIfNoEntry: false });
    } catch (error) {
      // ENAMETOOLONG, ELOOP, EACCES on a folder: a bad `extends` must not throw out of loading.
      const code = (error as NodeJS.ErrnoException).code;
      this.dependencies.set(file, MISSING);
      return { problem: 'unreadable', detail: code ?? 'stat error' };
    }
    this.dependencies.set(file, stats ? fileState(stats) : MISSING);
    if (!stats) return { problem: 'missing', detail: 'not found' };
    if (!stats.isFile()) return { problem: 'unreadable', detail: 'not a file' };
    try {
      return { text: stripByteOrderMark(readFileSync(file, 'utf8')) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { problem: 'missing', detail: 'not found' };
      return { problem: 'unreadable', detail: code ?? 'read error' };
    }
  }
}

/** Semantic checks only add warnings: a bug in them must never stop a policy from loading. */
function semanticDiagnostics(sources: PolicySource[], policy: LoadedPolicy['policy']): PolicyDiagnostic[] {
  try {
    return checkPolicySemantics(sources, policy);
  } catch {
    return [];
  }
}

export const MISSING = 'missing';

export function fileState(stats: { mtimeMs: number; size: number; ino: number }): string {
  return `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
}

/** Relative paths only: no absolute paths, drive letters, UNC paths or URLs (`https:`, `file:`, `npm:`). */
function isRelativeReference(reference: string): boolean {
  if (path.isAbsolute(reference) || path.win32.isAbsolute(reference)) return false;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(reference)) return false;
  return !reference.startsWith('~');
}

function displayPath(file: string, relativeTo: string): string {
  return path.relative(path.dirname(relativeTo), file).split(path.sep).join('/') || path.basename(file);
}

/** A file extended twice (a diamond) is checked twice: report its problems once. */
function unique(diagnostics: PolicyDiagnostic[]): PolicyDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = JSON.stringify([diagnostic.file, diagnostic.range, diagnostic.code, diagnostic.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** VS Code does not count a byte order mark as a character: neither may positions. */
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

