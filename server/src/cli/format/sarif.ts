// `phi-guard scan --format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
// One run; rule metadata with help and HIPAA references; results with flows, the preferred fix
// as a replacement, fingerprints, and in-source suppressions (with their justification) for
// findings hidden by a comment. SARIF files are uploaded to other systems, so a fix that repeats
// a string literal from the code (which can hold PHI or a key) is left out; a notification says
// how many were.

import type * as Sarif from 'sarif';
import { registeredRules, type Finding, type Fix, type RuleId, type Severity, type Suppression } from '../../engine';
import { directoryUri, displayPath, fileUri, isInsideCwd, relativeUri } from '../display-path';
import type { Notice, ScanReport, ScannedFile } from '../report';
import { hasPolicyErrors } from '../report';
import { FINGERPRINT_KEY, fileFingerprints, fingerprintOrder } from './fingerprint';
import { suppressionHides } from './suppression-match';
import { policyDiagnosticNotice } from './notices-text';
import { sarifRuleOverrides } from './policy-overrides';
import { findingRegion, regionOf, type Region } from './positions';
import { unanalysedFails } from './summary';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

export function buildSarifLog(report: ScanReport, tool: SarifToolInfo): Sarif.Log {
  const rules = registeredRules().map((rule) => rule.metadata);
  const ruleIndex = new Map<RuleId, number>(rules.map((rule, index) => [rule.id, index]));
  const location = (absolutePath: string, region?: Region): Sarif.Location => ({
    physicalLocation: { artifactLocation: artifactLocation(absolutePath, report.cwd), ...(region ? { region } : {}) },
  });

  const results: Sarif.Result[] = [];
  let omittedFixes = 0;
  for (const file of report.files) {
    if (!file.result) continue;
    const fingerprints = fileFingerprints(file.result, file.display);
    fingerprintOrder(file.result).forEach((finding) => {
      const suppressedBy = file.result!.suppressed.includes(finding)
        ? file.result!.suppressions.filter((s) => suppressionHides(s, finding))
        : [];
      const result = sarifResult(finding, file, fingerprints.get(finding)!, ruleIndex.get(finding.ruleId), suppressedBy, location);
      if (preferredFix(finding)?.copiesSourceText) omittedFixes++;
      results.push(result);
    });
  }

  // Where the configuration came from is about configuration, not execution.
  const notices = report.notices.filter((notice) => notice.kind !== 'policy-extends-outside');
  const configurationNotices = [
    ...report.policyDiagnostics.map((d) => policyDiagnosticNotice(d, report.cwd)),
    ...report.notices.filter((notice) => notice.kind === 'policy-extends-outside'),
  ];
  const ruleOverrides = sarifRuleOverrides(report.policyOverrides, report.cwd, ruleIndex);
  const toNotification = (notice: Notice): Sarif.Notification => ({
    level: notice.level,
    message: { text: notice.message },
    descriptor: { id: notice.code ?? notice.kind },
    ...(notice.ruleId ? { associatedRule: { id: notice.ruleId, index: ruleIndex.get(notice.ruleId) } } : {}),
    ...(notice.absolutePath
      ? {
          locations: [
            location(
              notice.absolutePath,
              notice.line ? { startLine: notice.line, startColumn: notice.column ?? 1 } as Region : undefined,
            ),
          ],
        }
      : {}),
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: pascalCase(rule.id),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              helpUri: rule.helpUri,
              help: {
                text: `${rule.description}\nHIPAA: ${rule.hipaa}\nDocumentation: ${rule.helpUri}`,
                markdown: `**${rule.title}**\n\n${rule.description}\n\n**HIPAA:** ${rule.hipaa}\n\n[Documentation](${rule.helpUri})`,
              },
              defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
              properties: { tags: ['security', 'privacy', 'hipaa', 'phi'], hipaa: rule.hipaa },
            })),
          },
        },
        invocations: [
          {
            // A file not analysed (a crash, a timeout, too large...) fails the run unless allowed.
            executionSuccessful: !hasPolicyErrors(report) && !unanalysedFails(report) && !notices.some((n) => n.kind === 'rule-failure' || n.kind === 'internal-error'),
            toolExecutionNotifications: [...notices.map(toNotification), ...omittedFixesNotification(omittedFixes)],
            toolConfigurationNotifications: configurationNotices.map(toNotification),
            ...(ruleOverrides.length > 0 ? { ruleConfigurationOverrides: ruleOverrides } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(report: ScanReport, tool: SarifToolInfo): string {
  return `${JSON.stringify(buildSarifLog(report, tool), null, 2)}\n`;
}

function sarifResult(
  finding: Finding,
  file: ScannedFile,
  fingerprint: string,
  ruleIndex: number | undefined,
  suppressedBy: Suppression[],
  location: (absolutePath: string, region?: Region) => Sarif.Location,
): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: finding.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [location(file.path, findingRegion(finding))],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: {
      phi: finding.phi.map((p) => `${p.element} (${p.category})`),
      ...(finding.sink ? { sink: finding.sink } : {}),
      hipaa: finding.hipaa,
    },
  };
  if (finding.flow.length > 0) {
    result.relatedLocations = finding.flow.map((step, i) => ({
      id: i + 1,
      ...location(step.path ?? file.path, regionOf(step.range)),
      message: { text: step.label },
    }));
    result.codeFlows = [
      {
        threadFlows: [
          {
            locations: finding.flow.map((step) => ({
              location: { ...location(step.path ?? file.path, regionOf(step.range)), message: { text: step.label } },
            })),
          },
        ],
      },
    ];
  }
  const fix = preferredFix(finding);
  if (fix && fix.edits.length > 0 && !fix.copiesSourceText) {
    const edits = [...fix.edits].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    result.fixes = [
      {
        description: { text: fix.title },
        artifactChanges: [
          {
            artifactLocation: location(file.path).physicalLocation!.artifactLocation!,
            replacements: edits.map((edit) => ({
              deletedRegion: regionOf(edit.range),
              insertedContent: { text: edit.newText },
            })),
          },
        ],
      },
    ];
  }
  if (suppressedBy.length > 0) {
    result.suppressions = suppressedBy.map((s) => ({
      kind: 'inSource',
      status: 'accepted',
      ...(s.reason ? { justification: s.reason } : {}),
      location: location(file.path, regionOf(s.range)),
    }));
  }
  return result;
}

function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.isPreferred && f.kind !== 'suppress') ?? finding.fixes.find((f) => f.isPreferred);
}

/** How many preferred fixes the SARIF log of `report` leaves out (a shard's count, for `phi-guard merge`). */
export function omittedFixCount(report: Pick<ScanReport, 'files'>): number {
  return report.files.reduce((n, file) => n + (file.result ? fingerprintOrder(file.result).filter((f) => preferredFix(f)?.copiesSourceText).length : 0), 0);
}

export function omittedFixesNotification(count: number): Sarif.Notification[] {
  if (count === 0) return [];
  const text =
    count === 1
      ? '1 fix was left out of this report because it repeats string literals from the source code'
      : `${count} fixes were left out of this report because they repeat string literals from the source code`;
  return [
    {
      level: 'note',
      message: { text: `${text}; \`phi-guard fix\` and the editor's quick fixes still offer them.` },
      descriptor: { id: 'fixes-omitted' },
    },
  ];
}

function artifactLocation(absolutePath: string, cwd: string): Sarif.ArtifactLocation {
  const display = displayPath(absolutePath, cwd);
  return isInsideCwd(display) ? { uri: relativeUri(display), uriBaseId: SRCROOT } : { uri: fileUri(absolutePath) };
}

function sarifLevel(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'info' ? 'note' : severity;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}
