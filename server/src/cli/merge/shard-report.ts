// Where a shard's report (`phi-guard scan --shard K/N`) keeps its merge information: the JSON
// report's `shard` field, SARIF's run property bag `phiGuardShard` (SARIF 2.1.0 §3.8). A merged
// report drops it again, so it equals a single run's.

import type { OutputFormat } from '../format';
import { omittedFixCount } from '../format/sarif';
import { summarize } from '../format/summary';
import type { ScanReport } from '../report';
import { shardInfo, type ShardContext } from '../shard';

export const JSON_SHARD_FIELD = 'shard';
export const SARIF_SHARD_PROPERTY = 'phiGuardShard';

/** The formatted report with the shard's merge information; other formats are returned as they are. */
export function withShardInfo(text: string, format: OutputFormat, context: ShardContext, report: ScanReport): string {
  if (format !== 'json' && format !== 'sarif') return text;
  const info = shardInfo(context, report, {
    allowUnanalysed: Boolean(report.allowUnanalysed),
    // The JSON report lists policy problems, then files extended from outside, before any file's notices.
    headNotices: report.policyDiagnostics.length + report.notices.filter((notice) => notice.kind === 'policy-extends-outside').length,
    omittedFixes: omittedFixCount(report),
    summary: summarize(report),
  });
  const data = JSON.parse(text) as Record<string, unknown> & { runs?: { properties?: Record<string, unknown> }[] };
  if (format === 'json') data[JSON_SHARD_FIELD] = info;
  else data.runs![0].properties = { ...(data.runs![0].properties ?? {}), [SARIF_SHARD_PROPERTY]: info };
  return `${JSON.stringify(data, null, 2)}\n`;
}
