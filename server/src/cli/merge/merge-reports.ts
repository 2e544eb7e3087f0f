// Joins the reports of `phi-guard scan --shard K/N` (see shard.ts) into the report a single run
// gives: every list of the report is cut into the shards' units (a folder not read, a file not
// reached, a file scanned) by the counts each shard recorded, and the units are put back in the
// whole run's order. What every shard reports alike (policy problems and overrides, rule
// metadata) is taken once, after checking that it is alike. Reports from different versions,
// trees, policies or options, and a missing or repeated shard, are refused with what is wrong.

import type * as Sarif from 'sarif';
import { omittedFixesNotification } from '../format/sarif';
import type { JsonReport } from '../format/json';
import type { ScanSummary } from '../format/summary';
import { NOT_ANALYSED_REASONS } from '../report';
import type { ShardInfo, ShardUnitInfo } from '../shard';
import { JSON_SHARD_FIELD, SARIF_SHARD_PROPERTY } from './shard-report';

export type ReportKind = 'json' | 'sarif';

export interface ShardReport {
  /** As given on the command line, for messages. */
  name: string;
  kind: ReportKind;
  version: string;
  info: ShardInfo;
  data: JsonReport | Sarif.Log;
}

/** A report that cannot be merged, and why (the command turns it into a usage error). */
export class MergeError extends Error {}

/** Reads one input: a shard's JSON or SARIF report. */
export function parseShardReport(name: string, text: string): ShardReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new MergeError(`${name} is not JSON: expected a report of \`phi-guard scan --shard K/N --format json\` or \`--format sarif\``);
  }
  if (isObject(data) && Array.isArray(data.runs) && data.version === '2.1.0') {
    const run = data.runs[0] as Sarif.Run | undefined;
    const invocation = Array.isArray(run?.invocations) ? run.invocations[0] : undefined;
    const listOrNone = (value: unknown) => value === undefined || Array.isArray(value);
    if (
      !run ||
      data.runs.length !== 1 ||
      !isObject(run.tool?.driver) ||
      !Array.isArray(run.results) ||
      run.invocations!.length !== 1 ||
      !isObject(invocation) ||
      !listOrNone(invocation.toolExecutionNotifications) ||
      !listOrNone(invocation.toolConfigurationNotifications)
    ) {
      throw new MergeError(`${name} is not a PHI Guard SARIF log (one run, with results and one invocation)`);
    }
    const info = run.properties?.[SARIF_SHARD_PROPERTY];
    return { name, kind: 'sarif', version: String(run.tool.driver.version ?? ''), info: checkedInfo(name, info), data: data as unknown as Sarif.Log };
  }
  if (isObject(data) && ['files', 'findings', 'suppressions', 'notices', 'policyOverrides'].every((key) => Array.isArray(data[key])) && isObject(data.summary)) {
    const info = data[JSON_SHARD_FIELD];
    return { name, kind: 'json', version: String(data.version ?? ''), info: checkedInfo(name, info), data: data as unknown as JsonReport };
  }
  throw new MergeError(`${name} is neither a PHI Guard JSON report nor a SARIF log`);
}

function checkedInfo(name: string, info: unknown): ShardInfo {
  if (info === undefined) throw new MergeError(`${name} is not a shard's report: write each shard with \`phi-guard scan --shard K/N\``);
  const ok =
    isObject(info) &&
    Number.isInteger(info.index) &&
    Number.isInteger(info.count) &&
    Number.isInteger(info.treeUnits) &&
    Number.isInteger(info.headNotices) &&
    Number.isInteger(info.omittedFixes) &&
    typeof info.tree === 'string' &&
    typeof info.policy === 'string' &&
    typeof info.options === 'string' &&
    typeof info.allowUnanalysed === 'boolean' &&
    isObject(info.summary) &&
    Array.isArray(info.units) &&
    info.units.every((unit) => isObject(unit) && typeof unit.path === 'string' && ['position', 'files', 'findings', 'suppressions', 'notices', 'results'].every((k) => Number.isInteger(unit[k]) && (unit[k] as number) >= 0));
  if (!ok) throw new MergeError(`${name}: its shard information is damaged`);
  return info as unknown as ShardInfo;
}

/** Checks that the reports are the N shards of one run, each once; returns them in shard order. */
export function checkShards(reports: readonly ShardReport[], ownVersion: string): ShardReport[] {
  if (reports.length === 0) throw new MergeError('no reports to merge');
  const first = reports[0];
  for (const report of reports) {
    if (report.kind !== first.kind) throw new MergeError(`${first.name} is ${describeKind(first.kind)} but ${report.name} is ${describeKind(report.kind)}: merge the JSON reports and the SARIF logs separately`);
  }
  for (const report of reports) {
    if (report.version !== ownVersion) throw new MergeError(`${report.name} was written by PHI Guard ${report.version || '(unknown version)'}, this is ${ownVersion}: merge with the version that scanned`);
  }
  const split = reports.find((report) => report.info.count !== first.info.count);
  if (split) throw new MergeError(`${split.name} is shard ${split.info.index}/${split.info.count} but ${first.name} is shard ${first.info.index}/${first.info.count}: the shards of one run share N`);
  const differ = (what: string, key: 'tree' | 'policy' | 'options' | 'allowUnanalysed') => {
    const other = reports.find((report) => report.info[key] !== first.info[key]);
    if (other) throw new MergeError(`${other.name} and ${first.name} ${what}`);
  };
  differ('are reports of different trees (the files, or their contents, differ): scan the same commit in every shard', 'tree');
  differ('were scanned with different policies', 'policy');
  // --allow-unanalysed is among the options; its own field is what the merged exit code follows.
  differ('were scanned with different options (--max-file-size-kb, --policy, --baseline, --changed-since, --allow-unanalysed)', 'options');
  differ('were scanned with different options (--allow-unanalysed)', 'allowUnanalysed');

  const count = first.info.count;
  const byIndex = new Map<number, ShardReport>();
  for (const report of reports) {
    const { index } = report.info;
    if (index < 1 || index > count) throw new MergeError(`${report.name}: shard ${index}/${count} does not exist`);
    const twice = byIndex.get(index);
    if (twice) throw new MergeError(`shard ${index}/${count} is given twice: ${twice.name} and ${report.name}`);
    byIndex.set(index, report);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw new MergeError(`${missing.length === 1 ? 'shard' : 'shards'} ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: merge needs all ${count}`);
  }
  const ordered = [...byIndex.keys()].sort((a, b) => a - b).map((index) => byIndex.get(index)!);
  const positions = new Map<number, string>();
  for (const report of ordered) {
    for (const unit of report.info.units) {
      const owner = positions.get(unit.position);
      if (owner !== undefined) throw new MergeError(`${owner} and ${report.name} both report ${unit.path}: their shards overlap`);
      if (unit.position >= first.info.treeUnits) throw new MergeError(`${report.name}: its shard information is damaged`);
      positions.set(unit.position, report.name);
    }
  }
  const units = ordered.reduce((n, report) => n + report.info.units.length, 0);
  if (units !== first.info.treeUnits) throw new MergeError(`the shards report ${units} of the tree's ${first.info.treeUnits} files and folders: a report was edited or cut short`);
  return ordered;
}

function describeKind(kind: ReportKind): string {
  return kind === 'json' ? 'a JSON report' : 'a SARIF log';
}

type UnitList = 'files' | 'findings' | 'suppressions' | 'notices' | 'results';

/**
 * The entries of one list of every shard, back in the whole run's order: each shard's `entries`
 * (after its own head, if any) are cut into its units' runs by their counts.
 */
function interleave<T>(reports: readonly ShardReport[], list: UnitList, entriesOf: (report: ShardReport) => readonly T[], label: string): T[] {
  const chunks: { position: number; entries: readonly T[] }[] = [];
  for (const report of reports) {
    const entries = entriesOf(report);
    const expected = report.info.units.reduce((n, unit: ShardUnitInfo) => n + unit[list], 0);
    if (expected !== entries.length) throw new MergeError(`${report.name}: ${entries.length} ${label} where its shard information counts ${expected}: the report was edited`);
    let offset = 0;
    for (const unit of report.info.units) {
      chunks.push({ position: unit.position, entries: entries.slice(offset, offset + unit[list]) });
      offset += unit[list];
    }
  }
  chunks.sort((a, b) => a.position - b.position);
  return chunks.flatMap((chunk) => chunk.entries);
}

/** What every shard reports alike must be alike; returns the first shard's. */
function same<T>(reports: readonly ShardReport[], label: string, pick: (report: ShardReport) => T): T {
  const first = JSON.stringify(pick(reports[0]));
  const other = reports.find((report) => JSON.stringify(pick(report)) !== first);
  if (other) throw new MergeError(`${other.name} and ${reports[0].name} differ in their ${label}`);
  return pick(reports[0]);
}

/** The counts of the whole run: per-file counts add up, the tree's own (ignored files, policy errors) are every shard's. */
export function mergeSummaries(summaries: readonly ScanSummary[]): ScanSummary {
  const first = summaries[0];
  const merged = { ...first } as unknown as Record<string, unknown>;
  for (const key of Object.keys(first) as (keyof ScanSummary)[]) {
    if (key === 'filesIgnored' || key === 'policyErrors' || typeof first[key] !== 'number') continue;
    merged[key] = summaries.reduce((n, summary) => n + ((summary[key] as number | undefined) ?? 0), 0);
  }
  const reasons: Record<string, number> = {};
  for (const summary of summaries) for (const [reason, n] of Object.entries(summary.notAnalysedByReason ?? {})) reasons[reason] = (reasons[reason] ?? 0) + (n ?? 0);
  merged.notAnalysedByReason = Object.fromEntries(NOT_ANALYSED_REASONS.flatMap((reason) => (reasons[reason] ? [[reason, reasons[reason]]] : [])));
  if (summaries.some((summary) => summary.cache)) {
    merged.cache = {
      hits: summaries.reduce((n, summary) => n + (summary.cache?.hits ?? 0), 0),
      misses: summaries.reduce((n, summary) => n + (summary.cache?.misses ?? 0), 0),
    };
  }
  return merged as unknown as ScanSummary;
}

export function mergeJsonReports(reports: readonly ShardReport[]): JsonReport {
  const json = (report: ShardReport) => report.data as JsonReport;
  const head = same(reports, 'policy notices', (report) => json(report).notices.slice(0, report.info.headNotices));
  const policyOverrides = same(reports, 'policy overrides', (report) => json(report).policyOverrides);
  for (const report of reports) {
    if (JSON.stringify(json(report).summary) !== JSON.stringify(report.info.summary)) throw new MergeError(`${report.name}: its summary does not match its shard information: the report was edited`);
  }
  const merged = { ...json(reports[0]) } as JsonReport & Record<string, unknown>;
  delete merged[JSON_SHARD_FIELD];
  merged.files = interleave(reports, 'files', (report) => json(report).files, 'files');
  merged.findings = interleave(reports, 'findings', (report) => json(report).findings, 'findings');
  merged.suppressions = interleave(reports, 'suppressions', (report) => json(report).suppressions, 'suppressions');
  merged.notices = [...head, ...interleave(reports, 'notices', (report) => json(report).notices.slice(report.info.headNotices), 'notices')];
  merged.policyOverrides = policyOverrides;
  merged.summary = mergeSummaries(reports.map((report) => report.info.summary));
  return merged;
}

export function mergeSarifLogs(reports: readonly ShardReport[]): Sarif.Log {
  const run = (report: ShardReport) => (report.data as Sarif.Log).runs[0];
  const invocation = (report: ShardReport) => run(report).invocations![0];
  same(reports, 'rules', (report) => run(report).tool.driver);
  const configuration = same(reports, 'policy notices', (report) => invocation(report).toolConfigurationNotifications ?? []);
  same(reports, 'policy overrides', (report) => invocation(report).ruleConfigurationOverrides ?? []);
  const executionNotices = (report: ShardReport) => {
    const all = invocation(report).toolExecutionNotifications ?? [];
    // The last one counts the fixes left out; the merged log counts them anew.
    return report.info.omittedFixes > 0 ? all.slice(0, -1) : all;
  };
  const log = structuredClone(reports[0].data as Sarif.Log);
  const merged = log.runs[0];
  const properties = { ...(merged.properties ?? {}) };
  delete properties[SARIF_SHARD_PROPERTY];
  if (Object.keys(properties).length > 0) merged.properties = properties;
  else delete merged.properties;
  merged.results = interleave(reports, 'results', (report) => run(report).results ?? [], 'results');
  const target = merged.invocations![0];
  target.executionSuccessful = reports.every((report) => invocation(report).executionSuccessful);
  const omitted = reports.reduce((n, report) => n + report.info.omittedFixes, 0);
  target.toolExecutionNotifications = [...interleave(reports, 'notices', executionNotices, 'notifications'), ...omittedFixesNotification(omitted)];
  target.toolConfigurationNotifications = configuration;
  return log;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
