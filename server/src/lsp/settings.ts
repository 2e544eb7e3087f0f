// `phiGuard.*` settings, pulled per resource with workspace/configuration and cached until the
// client says they changed (docs/architecture.md: no settings in globals). Clients without
// workspace/configuration get the defaults, overlaid with initializationOptions and with what
// didChangeConfiguration pushes.

import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, type PhiGuardSettings } from '../protocol';
import { RULE_IDS, registeredRules, type RuleId, type SeveritySetting } from '../engine';
import type { Logger } from './logger';

const SECTION = 'phiGuard';
const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];
const TRACE_LEVELS: readonly string[] = ['off', 'messages', 'verbose'];

export class SettingsProvider {
  private readonly cache = new Map<string, Promise<PhiGuardSettings>>();
  /** For clients that cannot be asked: defaults + initializationOptions + pushed settings. */
  private pushed: PhiGuardSettings;
  /** `phiGuard.rules` weakenings logged since the settings last changed: each is logged once. */
  private readonly loggedRuleSettings = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    initializationOptions: unknown,
    private readonly logger: Logger,
  ) {
    this.pushed = normalizeSettings(extractSection(initializationOptions));
    this.logWeakenedRules(this.pushed);
  }

  /** The settings that apply to a document (its URI is the configuration scope). */
  forResource(uri: string): Promise<PhiGuardSettings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SECTION })
        .then(
          (value) => this.logWeakenedRules(normalizeSettings(value)),
          (error) => {
            this.logger.exception('workspace/configuration failed', error);
            this.cache.delete(uri);
            return this.pushed;
          },
        );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: forget everything; the next request pulls afresh. */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    this.loggedRuleSettings.clear();
    const section = extractSection(pushedSettings);
    if (section !== undefined) this.pushed = this.logWeakenedRules(normalizeSettings(section));
  }

  /**
   * `phiGuard.rules` can turn rules off in the editor only, where CI still reports them: the
   * output channel says which (rule ids only), so a quiet editor can be explained.
   */
  private logWeakenedRules(settings: PhiGuardSettings): PhiGuardSettings {
    const rank: Record<SeveritySetting, number> = { off: 0, info: 1, warning: 2, error: 3 };
    const off: string[] = [];
    const down: string[] = [];
    for (const rule of registeredRules()) {
      const severity = settings.rules[rule.metadata.id];
      if (severity === undefined || rank[severity] >= rank[rule.metadata.defaultSeverity]) continue;
      if (severity === 'off') off.push(rule.metadata.id);
      else down.push(`${rule.metadata.id} (${severity})`);
    }
    const parts = [...(off.length ? [`turns off ${off.join(', ')}`] : []), ...(down.length ? [`turns down ${down.join(', ')}`] : [])];
    const message = parts.length ? `Setting phiGuard.rules ${parts.join('; ')} in the editor (the CLI does not apply this setting).` : '';
    if (message && !this.loggedRuleSettings.has(message)) {
      this.loggedRuleSettings.add(message);
      this.logger.info(message);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** Accepts `{phiGuard: {...}}` or the section itself; undefined when neither is there. */
function extractSection(value: unknown): unknown {
  if (!isObject(value)) return undefined;
  if (isObject(value[SECTION])) return value[SECTION];
  if (isObject(value.settings) && isObject(value.settings[SECTION])) return value.settings[SECTION];
  const keys = Object.keys(value);
  return keys.some((key) => key in DEFAULT_SETTINGS) ? value : undefined;
}

/** Whatever the client sent, a complete and well-typed settings object (bad values -> defaults). */
export function normalizeSettings(value: unknown): PhiGuardSettings {
  const raw = isObject(value) ? value : {};
  const rules: Partial<Record<RuleId, SeveritySetting>> = {};
  if (isObject(raw.rules)) {
    for (const [id, severity] of Object.entries(raw.rules)) {
      if ((RULE_IDS as readonly string[]).includes(id) && typeof severity === 'string' && SEVERITIES.includes(severity)) {
        rules[id as RuleId] = severity as SeveritySetting;
      }
    }
  }
  const trace = isObject(raw.trace) && typeof raw.trace.server === 'string' && TRACE_LEVELS.includes(raw.trace.server)
    ? (raw.trace.server as PhiGuardSettings['trace']['server'])
    : DEFAULT_SETTINGS.trace.server;
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    policyPath: typeof raw.policyPath === 'string' ? raw.policyPath.trim() : DEFAULT_SETTINGS.policyPath,
    maxFileSizeKb:
      typeof raw.maxFileSizeKb === 'number' && Number.isFinite(raw.maxFileSizeKb) && raw.maxFileSizeKb > 0
        ? raw.maxFileSizeKb
        : DEFAULT_SETTINGS.maxFileSizeKb,
    rules,
    trace: { server: trace },
  };
}

/** A short string that changes whenever a setting that affects analysis changes. */
export function analysisSettingsKey(settings: PhiGuardSettings): string {
  return JSON.stringify([settings.policyPath, settings.maxFileSizeKb, settings.rules]);
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
