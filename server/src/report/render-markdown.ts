// The compliance report in Markdown, with the sections of the HTML page (charts become tables):
// for a pull request, a wiki, or a diff between two releases.

import { describeRevision } from './git-facts';
import type { ComplianceReport } from './model';
import { NEVER_CONTAINS, SECTION_TITLES, overrideSetBy, percentText, suppressionAddedBy } from './sections';

export function renderComplianceMarkdown(report: ComplianceReport): string {
  const out: string[] = ['# PHI Guard compliance report', ''];
  out.push(`- Describes: ${describeRevision(report.revision)}`);
  out.push(`- Generated: ${report.generatedAt}`);
  out.push(
    `- Scope: ${(report.scope.length ? report.scope : ['.']).map(code).join(', ')}: ${report.files.analysed} source file(s) analysed` +
      (report.files.notAnalysed ? `, **${report.files.notAnalysed} not analysed** (the report may miss what they hold)` : ''),
  );
  out.push(`- Policy: ${report.aiTools.policyFile ? code(report.aiTools.policyFile) : 'none found: the built-in defaults apply'}`);
  out.push(`- Tool: PHI Guard ${report.toolVersion}`, '');

  const { summary, groups } = report.coverage;
  out.push(`## ${SECTION_TITLES.coverage}`, '');
  out.push(`**${percentText(summary)}** of the endpoints that touch patient data carry the audit control (same numbers as \`phi-guard coverage\`).`, '');
  out.push(row(['Service / folder', 'Endpoints', 'Touch PHI', 'Covered', 'Mismatched', 'Missing', 'Suppressed', 'Coverage']), row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const group of [{ name: '**All endpoints**', summary }, ...groups.map((g) => ({ ...g, name: code(g.name) }))]) {
    const s = group.summary;
    out.push(row([group.name, s.endpoints, s.phiEndpoints, s.covered, s.mismatched, s.missing, s.suppressed, percentText(s)]));
  }
  out.push('');

  out.push(`## ${SECTION_TITLES.findings}`, '');
  if (report.findings.byRule.length === 0) out.push('No open finding.');
  else {
    out.push(row(['Rule', 'Error', 'Warning', 'Info', 'Total']), row(['---', '---:', '---:', '---:', '---:']));
    for (const r of report.findings.byRule) out.push(row([code(r.ruleId), r.error, r.warning, r.info, r.total]));
    const s = report.findings.bySeverity;
    out.push(row(['**All rules**', s.error, s.warning, s.info, report.findings.total]));
  }
  out.push('');

  out.push(`## ${SECTION_TITLES.suppressions}`, '');
  if (report.suppressions.length === 0) out.push('No suppression comment.');
  else {
    out.push(row(['Location', 'Rules', 'Reason', 'Hides', 'Added by']), row(['---', '---', '---', '---:', '---']));
    for (const s of report.suppressions) {
      const rules = [...s.rules.map(code), ...s.unknownRules.map((r) => `${code(r)} (unknown rule)`)].join(', ');
      out.push(row([code(`${s.file}:${s.line}`), rules, s.reason ? plain(s.reason) : '**no reason given**', s.hides, plain(suppressionAddedBy(s))]));
    }
  }
  out.push('');

  out.push(`## ${SECTION_TITLES.overrides}`, '');
  if (report.policyOverrides.length === 0) out.push('No rule is turned off or below its default severity.');
  else {
    out.push(row(['Rule', 'In force', 'Default', 'Set by']), row(['---', '---', '---', '---']));
    for (const o of report.policyOverrides) out.push(row([code(o.ruleId), `**${o.severity}**`, o.defaultSeverity, plain(overrideSetBy(o))]));
  }
  out.push('');

  const { vendors, tools, today, expiryWarningDays, summary: toolSummary } = report.aiTools;
  out.push(`## ${SECTION_TITLES.vendors}`, '');
  if (vendors.length === 0) out.push('The policy lists no vendor: none is covered by a BAA.');
  else {
    out.push(`BAA status as of ${today}; one expiring within ${expiryWarningDays} days is flagged.`, '');
    out.push(row(['Vendor', 'Kind', 'BAA', 'Expires', 'Days left', 'Flag']), row(['---', '---', '---', '---', '---:', '---']));
    for (const v of vendors) out.push(row([plain(v.name), plain(v.kind ?? ''), v.baaText, v.expires ?? '—', v.daysUntilExpiry ?? '—', v.flagged ? `**${plain(v.warnings.join('; ') || 'attention')}**` : '']));
  }
  out.push('');

  out.push(`## ${SECTION_TITLES.aiTools}`, '');
  out.push(`${toolSummary.approved} approved, ${toolSummary.restricted} restricted, ${toolSummary.prohibited} prohibited.`, '');
  if (tools.length === 0) out.push('The policy lists no AI tool, so none is approved.');
  else {
    out.push(row(['Status', 'AI tool', 'Vendor', 'BAA', 'PHI', 'Approved use cases']), row(['---', '---', '---', '---', '---', '---']));
    for (const t of tools) out.push(row([t.status, plain(t.name), plain(t.vendorName ?? t.vendorId ?? ''), t.baaText, `${t.phiText}${t.phiDeclared ? '' : ' (not stated)'}`, plain(t.useCases.join(', '))]));
  }
  out.push('', '---', '', `_${NEVER_CONTAINS}_`, '');
  return out.join('\n');
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.map((c) => cell(String(c))).join(' | ')} |`;
}

/** A table cell: pipes escaped (GFM needs it inside code spans too), one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Text the team wrote (reasons, names in the policy) shown as written: Markdown's link, image,
 * emphasis and code characters escaped and `<` as an entity, so a reason cannot become a link or
 * HTML in a Markdown viewer. Paths and ids go into code spans instead (code()), where neither applies.
 */
function plain(text: string): string {
  return text.replace(/[\\`*_[\]!~]/g, (c) => `\\${c}`).replace(/</g, '&lt;');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
