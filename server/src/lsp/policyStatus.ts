// Tells the client about the policies in use (phiGuard/policyStatus): how many problems each has
// and which rules it turns off or down. A pull client only shows a policy file's diagnostics once
// the file is open, so without this a broken policy would look like a clean one everywhere else.
// The output channel gets the same facts as rule ids and paths, never anything else from a file.

import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { registeredRules } from '../engine';
import { extendsOutside, policyOverrides, type LoadedPolicy } from '../policy';
import { PolicyStatusNotification, type PolicyStatus, type PolicyStatusParams } from '../protocol';
import { sendNotification } from './requests';
import type { Logger } from './logger';
import { fileKey, pathToUri } from './uris';

/** Loads come one per folder: one notification for a burst of them. */
const SEND_DELAY_MS = 100;
/** After a reload, how long a policy that has not been loaded again keeps its entry. */
const RELOAD_GRACE_MS = 2000;

export class PolicyStatusReporter {
  private readonly statuses = new Map<string, PolicyStatus>();
  /** Entries from before the last reset that no load has replaced yet. */
  private readonly stale = new Set<string>();
  private readonly logged = new Set<string>();
  private sendTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private lastSent = '';

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    /** Workspace folders: an extended file outside all of them is logged. */
    private readonly workspaceFolders: () => readonly string[],
  ) {}

  loaded(loaded: LoadedPolicy): void {
    if (!loaded.file) return;
    const key = fileKey(loaded.file);
    const overrides = policyOverrides(loaded, registeredRules());
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    const problem = loaded.diagnostics.find((d) => d.severity === 'error') ?? loaded.diagnostics[0];
    this.statuses.set(key, {
      uri: pathToUri(loaded.file),
      errors,
      warnings: loaded.diagnostics.length - errors,
      ...(problem ? { problemUri: pathToUri(problem.file) } : {}),
      overrides: overrides.map((o) => ({ ruleId: o.ruleId, severity: o.severity, defaultSeverity: o.defaultSeverity, uri: pathToUri(o.file) })),
    });
    this.stale.delete(key);
    this.scheduleSend();

    const file = loaded.file;
    if (errors > 0) this.logOnce(`policy ${file}: ${errors} error${errors === 1 ? '' : 's'}; the built-in defaults apply where it is broken`);
    for (const o of overrides) {
      const setBy = fileKey(o.file) === key ? '' : ` (set in ${o.file})`;
      this.logOnce(o.severity === 'off' ? `policy ${file} turns off ${o.ruleId}${setBy}` : `policy ${file} turns ${o.ruleId} down to ${o.severity}, default ${o.defaultSeverity}${setBy}`);
    }
    for (const entry of extendsOutside(loaded, [...this.workspaceFolders(), path.dirname(file)])) {
      this.logOnce(`policy ${entry.extendedBy} extends ${entry.file}, outside the workspace folders`);
    }
  }

  /** Every policy may have changed: entries not loaded again within the grace period go. */
  reset(): void {
    this.logged.clear();
    for (const key of this.statuses.keys()) this.stale.add(key);
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = undefined;
      for (const key of this.stale) this.statuses.delete(key);
      this.stale.clear();
      this.send();
    }, RELOAD_GRACE_MS);
    this.sweepTimer.unref?.();
  }

  dispose(): void {
    if (this.sendTimer) clearTimeout(this.sendTimer);
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
  }

  private scheduleSend(): void {
    if (this.sendTimer) return;
    this.sendTimer = setTimeout(() => {
      this.sendTimer = undefined;
      this.send();
    }, SEND_DELAY_MS);
    this.sendTimer.unref?.();
  }

  private send(): void {
    const params: PolicyStatusParams = { policies: [...this.statuses.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)) };
    const text = JSON.stringify(params);
    if (text === this.lastSent) return;
    this.lastSent = text;
    sendNotification(this.connection, PolicyStatusNotification, params).catch((error) => this.logger.exception('sending the policy status failed', error));
  }

  private logOnce(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.logger.info(message);
  }
}
