// The policy of each folder of a walk, loaded once per folder: every file in a folder shares its
// nearest policy, and a broken policy file is reported once. One implementation for the CLI's scan
// and fix and the language server's workspace walks (coverage, Scan Workspace).

import * as path from 'node:path';
import { registeredRules } from '../engine';
import {
  extendsOutside,
  loadPolicyForFolder,
  policyOverrides,
  type ExtendedPolicyFile,
  type LoadedPolicy,
  type PolicyDiagnostic,
  type PolicyOverride,
} from '../policy';

export class FolderPolicies {
  private readonly byFolder = new Map<string, LoadedPolicy>();
  private readonly seenDiagnostics = new Set<string>();
  readonly diagnostics: PolicyDiagnostic[] = [];
  /** Rules the loaded policies turn off or down, each once, in the order the policies were loaded. */
  readonly overrides: PolicyOverride[] = [];
  private readonly seenOverrides = new Set<string>();
  /** Files the loaded policies extend from outside `roots` and the policy's own folder, each once. */
  readonly extendedFromOutside: ExtendedPolicyFile[] = [];
  private readonly seenOutside = new Set<string>();

  /**
   * `policyPath`: one policy for every folder (the CLI's --policy). `roots`: folders an extended
   * file may lie in without a notice (the working directory), besides the policy file's own folder.
   */
  constructor(
    private readonly policyPath?: string,
    private readonly roots: readonly string[] = [],
  ) {}

  /**
   * The same policies, loaded afresh into an instance whose diagnostics nobody reports: for files
   * read only to follow calls into them (the CLI's workspace index), whose folders' policy
   * problems are not the scan's.
   */
  unreported(): FolderPolicies {
    return new FolderPolicies(this.policyPath, this.roots);
  }

  /** The policy for files directly inside `folder`. */
  forFolder(folder: string): LoadedPolicy {
    const key = this.policyPath ? '' : folder;
    let loaded = this.byFolder.get(key);
    if (!loaded) {
      loaded = loadPolicyForFolder(folder, { policyPath: this.policyPath });
      this.record(loaded.diagnostics);
      this.recordWeakening(loaded);
      this.byFolder.set(key, loaded);
    }
    return loaded;
  }

  forFile(file: string): LoadedPolicy {
    return this.forFolder(path.dirname(file));
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }

  private recordWeakening(loaded: LoadedPolicy): void {
    for (const override of policyOverrides(loaded, registeredRules())) {
      const key = JSON.stringify([override.ruleId, override.severity, override.file, override.via]);
      if (this.seenOverrides.has(key)) continue;
      this.seenOverrides.add(key);
      this.overrides.push(override);
    }
    const roots = loaded.file ? [...this.roots, path.dirname(loaded.file)] : this.roots;
    for (const entry of extendsOutside(loaded, roots)) {
      const key = JSON.stringify([entry.file, entry.extendedBy, entry.range.start]);
      if (this.seenOutside.has(key)) continue;
      this.seenOutside.add(key);
      this.extendedFromOutside.push(entry);
    }
  }

  private record(diagnostics: readonly PolicyDiagnostic[]): void {
    for (const diagnostic of diagnostics) {
      const key = `${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.character}:${diagnostic.code}:${diagnostic.message}`;
      if (this.seenDiagnostics.has(key)) continue;
      this.seenDiagnostics.add(key);
      this.diagnostics.push(diagnostic);
    }
  }
}
