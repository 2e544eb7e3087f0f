// Which policy applies to a document, cached by folder: the nearest `phi-guard.json` (or the
// `phiGuard.policyPath` setting) as the policy module loads it. A broken or missing file never
// weakens protection: the loader falls back to the defaults, and so does this module if the
// loader itself throws.

import * as path from 'node:path';
import {
  POLICY_FILE_NAME,
  clearPolicyCache,
  defaultPolicy,
  loadPolicyForFolder,
  validatePolicyText,
  type LoadedPolicy,
  type PolicyDiagnostic,
} from '../policy';
import type { Logger } from './logger';
import { fileKey } from './uris';

export { POLICY_FILE_NAME };

export class PolicyResolver {
  private readonly cache = new Map<string, Promise<LoadedPolicy>>();
  private readonly policyFiles = new Set<string>();
  private workspaceFolders: string[] = [];
  /** Bumped whenever any policy may have changed: part of every analysis cache key. */
  generation = 0;

  constructor(
    private readonly logger: Logger,
    /** Called with every freshly loaded policy, for its diagnostics and file watching. */
    private readonly onLoaded: (loaded: LoadedPolicy) => void,
  ) {}

  setWorkspaceFolders(folders: string[]): void {
    this.workspaceFolders = folders.map((folder) => path.normalize(folder));
  }

  get folders(): readonly string[] {
    return this.workspaceFolders;
  }

  /** The policy for a source file (or, for untitled buffers, for the first workspace folder). */
  forFile(filePath: string | undefined, policyPathSetting: string): Promise<LoadedPolicy> {
    const folder = filePath ? path.dirname(filePath) : this.workspaceFolders[0];
    if (!folder) return Promise.resolve(defaultLoadedPolicy());
    return this.forFolder(folder, policyPathSetting);
  }

  /** The policy for the files directly inside `folder`, cached until `invalidate()`. */
  forFolder(folder: string, policyPathSetting: string): Promise<LoadedPolicy> {
    const policyPath = this.resolvePolicyPath(policyPathSetting, folder);
    const key = `${folder}\u0000${policyPath ?? ''}`;
    let loaded = this.cache.get(key);
    if (!loaded) {
      loaded = this.load(folder, policyPath);
      this.cache.set(key, loaded);
    }
    return loaded;
  }

  /**
   * The policy for `folder` as it is on disk now, past this resolver's cache (the policy module
   * re-checks the files it read): for requests that may arrive before the watcher's reload, such
   * as the AI Tools view right after *Create Policy File*. Not reported to `onLoaded`.
   */
  current(folder: string, policyPathSetting: string): LoadedPolicy {
    try {
      return loadPolicyForFolder(folder, { policyPath: this.resolvePolicyPath(policyPathSetting, folder) });
    } catch (error) {
      this.logger.exception(`loading the policy for ${folder} failed; using the defaults`, error);
      return defaultLoadedPolicy();
    }
  }

  /** Validates the text of a policy file open in the editor (unsaved edits included). */
  async validateText(text: string, file: string): Promise<PolicyDiagnostic[]> {
    try {
      const loaded = validatePolicyText(text, file);
      const own = fileKey(file);
      return loaded.diagnostics.filter((diagnostic) => fileKey(diagnostic.file) === own);
    } catch (error) {
      this.logger.exception(`validating policy ${file} failed`, error);
      return [];
    }
  }

  /** Whether a file is a policy (by name, or because a loaded policy read or extended it). */
  isPolicyFile(filePath: string | undefined): boolean {
    if (!filePath) return false;
    return path.basename(filePath) === POLICY_FILE_NAME || this.policyFiles.has(fileKey(filePath));
  }

  /** Every policy may have changed (file watcher, edited policy document, settings). */
  invalidate(): void {
    this.cache.clear();
    clearPolicyCache();
    this.generation++;
  }

  private async load(folder: string, policyPath: string | undefined): Promise<LoadedPolicy> {
    const started = performance.now();
    let loaded: LoadedPolicy;
    try {
      loaded = loadPolicyForFolder(folder, { policyPath });
    } catch (error) {
      this.logger.exception(`loading the policy for ${folder} failed; using the defaults`, error);
      loaded = defaultLoadedPolicy();
    }
    for (const file of loaded.files) this.policyFiles.add(fileKey(file));
    this.logger.trace(
      `policy for ${folder}: ${loaded.file ?? 'defaults'} (${loaded.diagnostics.length} problems, ${(performance.now() - started).toFixed(1)} ms)`,
    );
    try {
      this.onLoaded(loaded);
    } catch (error) {
      this.logger.exception('policy listener failed', error);
    }
    return loaded;
  }

  /** The `phiGuard.policyPath` setting as a path: relative to the workspace folder of `folder`. */
  private resolvePolicyPath(setting: string, folder: string): string | undefined {
    if (!setting) return undefined;
    if (path.isAbsolute(setting)) return path.normalize(setting);
    const root = this.workspaceFolderOf(folder) ?? this.workspaceFolders[0] ?? folder;
    return path.resolve(root, setting);
  }

  /** The workspace folder holding `filePath` (the innermost one), if any. */
  workspaceFolderOf(filePath: string): string | undefined {
    const key = fileKey(filePath);
    let best: string | undefined;
    for (const folder of this.workspaceFolders) {
      const prefix = fileKey(folder);
      if ((key === prefix || key.startsWith(prefix.endsWith(path.sep) ? prefix : prefix + path.sep)) && (!best || folder.length > best.length)) {
        best = folder;
      }
    }
    return best;
  }
}

export function defaultLoadedPolicy(): LoadedPolicy {
  return { policy: defaultPolicy(), files: [], diagnostics: [] };
}
