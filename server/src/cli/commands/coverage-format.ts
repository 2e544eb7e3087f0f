// Text and Markdown renderings of the audit coverage report (JSON is the report itself; schema in
// docs/coverage-report.md). Names and paths only: never source text.

import type { CoverageEndpoint, CoverageReport } from '../../engine';

const STATUS_TEXT: Record<CoverageEndpoint['status'], string> = {
  covered: 'covered',
  mismatch: 'mismatch',
  missing: 'MISSING',
  suppressed: 'suppressed',
  'no-phi': 'no PHI',
};

export function formatCoverageText(report: CoverageReport): string {
  const lines: string[] = [];
  let file = '';
  for (const endpoint of report.endpoints) {
    if (endpoint.file !== file) {
      file = endpoint.file;
      lines.push(file);
    }
    const route = `${endpoint.methods.join(',')} ${endpoint.path || '(no route found)'}`;
    const audit = endpoint.covered ? `  ${auditText(endpoint)}` : '';
    lines.push(`  ${String(endpoint.line).padStart(4)}  ${STATUS_TEXT[endpoint.status].padEnd(10)}  ${route}  ${endpoint.handler} (${endpoint.frameworkName})${audit}`);
    for (const problem of endpoint.problems) lines.push(`${' '.repeat(20)}- ${problem}`);
  }
  if (lines.length) lines.push('');
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

export function formatCoverageMarkdown(report: CoverageReport): string {
  const { summary } = report;
  const out: string[] = [
    '# Audit coverage',
    '',
    `**${summary.percent}%** of the endpoints that touch patient data have an audit control ` +
      `(${summary.covered} of ${summary.phiEndpoints - summary.suppressed}; ${summary.endpoints} endpoints in all, ` +
      `${summary.missing} missing, ${summary.mismatched} mismatched, ${summary.suppressed} suppressed).`,
    '',
    '| File | Line | Method | Path | Handler | Framework | Touches PHI | Covered | Status | Action | Data category | Roles |',
    '|---|---:|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const e of report.endpoints) {
    out.push(
      `| ${cell(e.file)} | ${e.line} | ${e.methods.join(', ')} | ${cell(e.path ? `\`${e.path}\`` : '—')} | ${cell(`\`${e.handler}\``)} | ${cell(e.frameworkName)} | ` +
        `${e.touchesPhi ? `yes (${e.categories.join(', ')})` : 'no'} | ${e.covered ? 'yes' : 'no'} | ${e.status} | ` +
        `${e.action ?? '—'} | ${e.data_category?.join(', ') ?? '—'} | ${e.roles?.join(', ') ?? '—'} |`,
    );
  }
  const problems = report.endpoints.filter((e) => e.problems.length);
  if (problems.length) {
    out.push('', '## Mismatched audit controls', '');
    for (const e of problems) out.push(`- ${cell(e.file)}:${e.line} \`${cell(e.handler)}\`: ${cell(e.problems.join('; '))}`);
  }
  return `${out.join('\n')}\n`;
}

export function summaryLine(report: CoverageReport): string {
  const { summary } = report;
  return (
    `Audit coverage: ${summary.percent}% (${summary.covered}/${summary.phiEndpoints - summary.suppressed} PHI endpoints covered; ` +
    `${summary.endpoints} endpoints, ${summary.missing} missing, ${summary.mismatched} mismatched, ${summary.suppressed} suppressed)`
  );
}

function auditText(endpoint: CoverageEndpoint): string {
  const parts = [
    endpoint.action && `action=${endpoint.action}`,
    endpoint.data_category && `data_category=${endpoint.data_category.join('|')}`,
    endpoint.roles && `roles=${endpoint.roles.join('|')}`,
    endpoint.auditLevel && endpoint.auditLevel !== 'endpoint' && `(${endpoint.auditLevel}-wide)`,
  ].filter(Boolean);
  return parts.join(' ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
