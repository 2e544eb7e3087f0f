// The CLI's one door to the policy loader (server/src/policy). Loading is cached per folder:
// every file in a folder shares its nearest policy, and a broken file is reported once.

import * as path from 'node:path';
import { loadPolicyForFile, type LoadedPolicy, type PolicyDiagnostic } from '../policy';

export { starterPolicyText } from '../policy';

export class PolicyCache {
  private readonly byDirectory = new Map<string, LoadedPolicy>();
  private readonly seenDiagnostics = new Set<string>();
  readonly diagnostics: PolicyDiagnostic[] = [];

  /** `policyPath`: --policy, which then applies to every file. */
  constructor(private readonly policyPath?: string) {}

  /** The policy for files directly inside `directory`. */
  forDirectory(directory: string): LoadedPolicy {
    const key = this.policyPath ? '' : directory;
    let loaded = this.byDirectory.get(key);
    if (!loaded) {
      // The loader searches from the file's folder upwards; the file itself need not exist.
      loaded = loadPolicyForFile(path.join(directory, '__phi_guard_probe__.py'), { policyPath: this.policyPath });
      this.record(loaded.diagnostics);
      this.byDirectory.set(key, loaded);
    }
    return loaded;
  }

  forFile(file: string): LoadedPolicy {
    return this.forDirectory(path.dirname(file));
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
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
