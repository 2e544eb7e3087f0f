// Loading a policy file: read, parse (JSON with comments), validate, follow `extends`, merge over
// the defaults. Never throws for a bad file: every problem is a diagnostic in the file it is in,
// and whatever is valid still applies (docs/policy.md).

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultPolicy } from './defaults';
import { parsePolicyJson } from './json-document';
import { mergePolicyLayers, type PolicyLayer } from './merge-policy';
import { validatePolicyDocument, type ExtendsEntry } from './schema-validation';
import { checkPolicySemantics, type PolicySource } from './semantic-checks';
import { START_OF_FILE } from './text-positions';
import type { ExtendedPolicyFile, LoadedPolicy, PolicyDiagnostic } from './types';
import type { RuleId } from '../engine/model/types';

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
  try {
    return loadTracked(absolute, state);
  } catch (error) {
    // A bug or an input nothing above anticipated must not take the CLI or the server down, nor
    // leave a policy half-applied: the defaults apply, and the failure is a policy error.
    const kind = error instanceof Error ? error.name : typeof error;
    const diagnostics: PolicyDiagnostic[] = [
      {
        file: absolute,
        range: START_OF_FILE,
        severity: 'error',
        code: 'policy-internal-error',
        message: `PHI Guard could not load this policy (internal error: ${kind}); the built-in defaults apply.`,
      },
    ];
    return {
      loaded: { policy: defaultPolicy(), file: absolute, files: [absolute], diagnostics, extended: [], ruleOrigins: {} },
      dependencies: state.dependencies,
    };
  }
}

function loadTracked(absolute: string, state: LoadState): TrackedLoad {
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
    return {
      loaded: { policy: defaultPolicy(), file: absolute, files: [], diagnostics: state.diagnostics, extended: [], ruleOrigins: {} },
      dependencies: state.dependencies,
    };
  }
  const layers = state.collectLayers(absolute, read.text, [absolute], 0);
  return { loaded: state.finish(absolute, layers), dependencies: state.dependencies };
}

type ReadResult = { text: string } | { problem: 'missing' | 'unreadable'; detail: string };

/** A layer with the `extends` chain that brought it in: the policy file first, the layer's own file last. */
interface ChainedLayer extends PolicyLayer {
  chain: string[];
}

class LoadState {
  readonly diagnostics: PolicyDiagnostic[] = [];
  readonly files: string[] = [];
  readonly dependencies: PolicyDependencies = new Map();
  /** Each layer's file and syntax tree, in merge order, for the semantic checks. */
  readonly sources: PolicySource[] = [];
  readonly extended: ExtendedPolicyFile[] = [];

  finish(file: string, layers: ChainedLayer[]): LoadedPolicy {
    const policy = mergePolicyLayers(layers, path.dirname(file));
    // The same merge order as the rules themselves: the last layer that sets a rule decides it.
    const ruleOrigins: Partial<Record<RuleId, string[]>> = {};
    for (const layer of layers) for (const id of Object.keys(layer.content.rules ?? {})) ruleOrigins[id as RuleId] = layer.chain;
    return {
      policy,
      file,
      files: this.files,
      diagnostics: unique([...this.diagnostics, ...semanticDiagnostics(this.sources, policy)]),
      extended: this.extended,
      ruleOrigins,
    };
  }

  /** The layers of one file: those of each file it extends, in order, then its own. */
  collectLayers(file: string, text: string, chain: string[], depth: number): ChainedLayer[] {
    if (!this.files.includes(file)) this.files.push(file);
    const document = parsePolicyJson(text, file);
    const validated = validatePolicyDocument(document);
    this.diagnostics.push(...document.diagnostics, ...validated.diagnostics);
    const layers: ChainedLayer[] = [];
    for (const entry of validated.extendsEntries) layers.push(...this.collectExtended(file, entry, chain, depth));
    layers.push({ content: validated.content, folder: path.dirname(file), chain });
    this.sources.push({ file, document, content: validated.content });
    return layers;
  }

  private collectExtended(file: string, entry: ExtendsEntry, chain: string[], depth: number): ChainedLayer[] {
    const report = (code: string, message: string, severity: PolicyDiagnostic['severity'] = 'error'): ChainedLayer[] => {
      this.diagnostics.push({ file, range: entry.range, severity, code, message });
      return [];
    };
    // Checked before any file-system call: Node refuses such a path by throwing, and echoing it
    // would put a control character into every report.
    if (entry.reference.includes('\0')) {
      return report('extends-invalid', `${entry.label} contains a NUL character, which no file path can hold. This file is not extended.`);
    }
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
        ? report('extends-not-found', `${entry.label}: the file ${shortPath(displayPath(target, file))} does not exist. This file is not extended.`)
        : report('extends-unreadable', `${entry.label}: the file ${shortPath(displayPath(target, file))} cannot be read (${read.detail}). This file is not extended.`);
    }
    this.extended.push({ file: target, extendedBy: file, range: entry.range });
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
    const { state, stats, code } = statFile(file);
    this.dependencies.set(file, state);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'missing', detail: 'not found' };
    if (!stats) return { problem: 'unreadable', detail: describeErrorCode(code) };
    if (stats.isDirectory()) return { problem: 'unreadable', detail: 'it is a folder, not a file' };
    if (!stats.isFile()) return { problem: 'unreadable', detail: 'not a regular file' };
    try {
      return { text: stripByteOrderMark(readFileSync(file, 'utf8')) };
    } catch (error) {
      const readCode = errorCode(error);
      if (readCode === 'ENOENT') return { problem: 'missing', detail: 'not found' };
      return { problem: 'unreadable', detail: describeErrorCode(readCode) };
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

/**
 * A file's state for change detection; never throws. A path the file system refuses (a NUL byte,
 * ENAMETOOLONG, ELOOP, EACCES on a folder above it) gets a state naming the error, so the same
 * refusal next time counts as unchanged and a fixed path as changed.
 */
export function statFile(file: string): { state: string; stats?: ReturnType<typeof statSync>; code?: string } {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats ? { state: fileState(stats), stats } : { state: MISSING, code: 'ENOENT' };
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? { state: MISSING, code } : { state: `error:${code}`, code };
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'EUNKNOWN';
}

const ERROR_TEXT: Record<string, string> = {
  ENAMETOOLONG: 'the path is too long, ENAMETOOLONG',
  ELOOP: 'a loop of symbolic links, ELOOP',
  EACCES: 'permission denied, EACCES',
  EPERM: 'permission denied, EPERM',
  EISDIR: 'it is a folder, not a file',
  ERR_INVALID_ARG_VALUE: 'not a valid path',
};

function describeErrorCode(code: string | undefined): string {
  return (code && ERROR_TEXT[code]) ?? code ?? 'read error';
}

/** Paths in messages stay readable: an overlong one is shortened in the middle. */
function shortPath(text: string): string {
  return text.length > 120 ? `${text.slice(0, 60)}…${text.slice(-50)}` : text;
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

