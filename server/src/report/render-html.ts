// The compliance report as one self-contained HTML page: inline CSS and SVG, no script, font,
// image or link that would reach the network, so it opens offline and prints to PDF as it is.
// The webview variant is the same page with a content security policy, the editor's theme
// colours and a Save button (the only script, nonce'd, posts one message to the extension).

import { escapeHtml as e } from './escape';
import { describeRevision } from './git-facts';
import type { ComplianceReport } from './model';
import { baaTimeline, coverageChart, findingsChart } from './svg-charts';
import { SECTION_TITLES, NEVER_CONTAINS, overrideSetBy, percentText, suppressionAddedBy } from './sections';

export interface HtmlOptions {
  /** `document`: a file to keep or print; `webview`: shown inside the editor. */
  variant: 'document' | 'webview';
  /** Webview only: the nonce its <style> and <script> carry (the CSP allows nothing else). */
  nonce?: string;
}

export function renderComplianceHtml(report: ComplianceReport, options: HtmlOptions = { variant: 'document' }): string {
  const webview = options.variant === 'webview';
  const nonce = webview ? (options.nonce ?? '') : '';
  if (webview && !/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('the webview report needs a nonce of at least 16 characters');
  const nonceAttr = webview ? ` nonce="${nonce}"` : '';
  const csp = webview
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">`
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">`;
  const title = 'PHI Guard compliance report';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    csp,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style${nonceAttr}>${STYLE}${webview ? WEBVIEW_STYLE : ''}</style>`,
    '</head>',
    `<body class="${webview ? 'webview' : 'document'}">`,
    webview ? '<div class="toolbar"><button id="save" type="button">Save…</button></div>' : '',
    '<main>',
    header(report, title),
    overview(report),
    coverageSection(report),
    findingsSection(report),
    suppressionsSection(report),
    overridesSection(report),
    vendorsSection(report),
    aiToolsSection(report),
    footer(),
    '</main>',
    webview ? `<script${nonceAttr}>${SAVE_SCRIPT}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(report: ComplianceReport, title: string): string {
  const scope = report.scope.length ? report.scope.map((p) => `<code>${e(p)}</code>`).join(', ') : '<code>.</code>';
  return `<header>
<h1>${e(title)}</h1>
<dl class="facts">
<dt>Describes</dt><dd id="revision">${e(describeRevision(report.revision))}</dd>
<dt>Generated</dt><dd>${e(report.generatedAt)}</dd>
<dt>Scope</dt><dd>${scope}: ${report.files.analysed} source file(s) analysed${report.files.notAnalysed ? `, <strong class="poor-text">${report.files.notAnalysed} not analysed</strong> (the report may miss what they hold)` : ''}</dd>
<dt>Policy</dt><dd>${report.aiTools.policyFile ? `<code>${e(report.aiTools.policyFile)}</code>` : 'none found: the built-in defaults apply'}${report.aiTools.policyErrors ? ` (${report.aiTools.policyErrors} problem(s): invalid entries ignored)` : ''}</dd>
<dt>Tool</dt><dd>PHI Guard ${e(report.toolVersion)}</dd>
</dl>
</header>`;
}

function overview(report: ComplianceReport): string {
  const { summary } = report.coverage;
  const tools = report.aiTools.summary;
  const card = (value: string, label: string, cls = '') => `<div class="card ${cls}"><div class="big">${e(value)}</div><div>${e(label)}</div></div>`;
  return `<section id="overview" class="cards">
${card(summary.phiEndpoints - summary.suppressed === 0 ? '—' : `${summary.percent}%`, `audit coverage of PHI endpoints (${summary.covered}/${summary.phiEndpoints - summary.suppressed})`, summary.percent >= 90 ? 'good' : summary.percent >= 60 ? 'fair' : 'poor')}
${card(String(report.findings.total), `open findings (${report.findings.bySeverity.error} error, ${report.findings.bySeverity.warning} warning)`, report.findings.bySeverity.error ? 'poor' : '')}
${card(String(report.suppressions.length), 'suppressions')}
${card(String(report.policyOverrides.length), 'rules turned off or down', report.policyOverrides.length ? 'fair' : '')}
${card(String(tools.expiredBaas + tools.expiringBaas), 'vendor BAAs expired or expiring', tools.expiredBaas ? 'poor' : tools.expiringBaas ? 'fair' : '')}
</section>`;
}

function coverageSection(report: ComplianceReport): string {
  const { summary, groups } = report.coverage;
  const rows = [{ name: 'All endpoints', summary }, ...groups]
    .map(
      (group, index) =>
        `<tr${index === 0 ? ' class="total"' : ''}><td>${index === 0 ? e(group.name) : `<code>${e(group.name)}</code>`}</td><td class="n">${group.summary.endpoints}</td><td class="n">${group.summary.phiEndpoints}</td>` +
        `<td class="n">${group.summary.covered}</td><td class="n">${group.summary.mismatched}</td><td class="n">${group.summary.missing}</td><td class="n">${group.summary.suppressed}</td><td class="n">${e(percentText(group.summary))}</td></tr>`,
    )
    .join('\n');
  return `<section id="coverage">
<h2>${e(SECTION_TITLES.coverage)}</h2>
<p>The share of endpoints that touch patient data and carry the audit control (45 CFR 164.312(b)); suppressed endpoints are left out of the share. Same numbers as <code>phi-guard coverage</code>.</p>
${coverageChart({ name: 'All endpoints', summary }, groups)}
<table><thead><tr><th>Service / folder</th><th class="n">Endpoints</th><th class="n">Touch PHI</th><th class="n">Covered</th><th class="n">Mismatched</th><th class="n">Missing</th><th class="n">Suppressed</th><th class="n">Coverage</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

function findingsSection(report: ComplianceReport): string {
  const { findings } = report;
  const body = findings.byRule.length
    ? `${findingsChart(findings.byRule)}
<p class="legend"><span class="key sev-error"></span> error <span class="key sev-warning"></span> warning <span class="key sev-info"></span> info</p>
<table><thead><tr><th>Rule</th><th class="n">Error</th><th class="n">Warning</th><th class="n">Info</th><th class="n">Total</th></tr></thead>
<tbody>
${findings.byRule.map((rule) => `<tr><td><code>${e(rule.ruleId)}</code></td><td class="n">${rule.error}</td><td class="n">${rule.warning}</td><td class="n">${rule.info}</td><td class="n">${rule.total}</td></tr>`).join('\n')}
<tr class="total"><td>All rules</td><td class="n">${findings.bySeverity.error}</td><td class="n">${findings.bySeverity.warning}</td><td class="n">${findings.bySeverity.info}</td><td class="n">${findings.total}</td></tr>
</tbody></table>`
    : '<p class="empty">No open finding.</p>';
  return `<section id="findings">
<h2>${e(SECTION_TITLES.findings)}</h2>
<p>Open findings (not suppressed) at the severities the policy sets.</p>
${body}
</section>`;
}

function suppressionsSection(report: ComplianceReport): string {
  const body = report.suppressions.length
    ? `<table><thead><tr><th>Location</th><th>Rules</th><th>Reason</th><th class="n">Hides</th><th>Added by</th></tr></thead>
<tbody>
${report.suppressions
  .map(
    (s) =>
      `<tr><td><code>${e(s.file)}:${s.line}</code></td><td>${[...s.rules.map((r) => `<code>${e(r)}</code>`), ...s.unknownRules.map((r) => `<code class="poor-text">${e(r)} (unknown rule)</code>`)].join(', ')}</td>` +
      `<td class="reason">${s.reason ? e(s.reason) : '<strong class="poor-text">no reason given</strong>'}</td><td class="n">${s.hides}</td><td>${e(suppressionAddedBy(s))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : '<p class="empty">No suppression comment.</p>';
  return `<section id="suppressions">
<h2>${e(SECTION_TITLES.suppressions)}</h2>
<p>Every <code>phi-guard: ignore[...]</code> comment, with the reason the team wrote and the commit that added it (from <code>git blame</code>).</p>
${body}
</section>`;
}

function overridesSection(report: ComplianceReport): string {
  const body = report.policyOverrides.length
    ? `<table><thead><tr><th>Rule</th><th>In force</th><th>Default</th><th>Set by</th></tr></thead>
<tbody>
${report.policyOverrides.map((o) => `<tr><td><code>${e(o.ruleId)}</code></td><td><strong>${e(o.severity)}</strong></td><td>${e(o.defaultSeverity)}</td><td>${e(overrideSetBy(o))}</td></tr>`).join('\n')}
</tbody></table>`
    : '<p class="empty">No rule is turned off or below its default severity.</p>';
  return `<section id="policy-overrides">
<h2>${e(SECTION_TITLES.overrides)}</h2>
<p>Rules a policy file turns off or down, and the file that does it.</p>
${body}
</section>`;
}

function vendorsSection(report: ComplianceReport): string {
  const { vendors, today, expiryWarningDays } = report.aiTools;
  if (vendors.length === 0) {
    return `<section id="vendors"><h2>${e(SECTION_TITLES.vendors)}</h2><p class="empty">The policy lists no vendor: none is covered by a BAA.</p></section>`;
  }
  const timeline = baaTimeline(vendors, today);
  return `<section id="vendors">
<h2>${e(SECTION_TITLES.vendors)}</h2>
<p>BAA status as of ${e(today)}; one expiring within ${expiryWarningDays} days is flagged.</p>
${timeline ?? '<p class="empty">No vendor BAA has an expiry date to chart.</p>'}
${timeline ? '<p class="legend"><span class="key baa-valid"></span> signed <span class="key baa-expiring"></span> expiring soon <span class="key baa-expired"></span> expired</p>' : ''}
<table><thead><tr><th>Vendor</th><th>Kind</th><th>BAA</th><th>Expires</th><th>Flag</th></tr></thead>
<tbody>
${vendors
  .map(
    (v) =>
      `<tr><td>${e(v.name)}</td><td>${e(v.kind ?? '')}</td><td class="baa-text-${e(v.baa)}">${e(v.baaText)}</td><td>${e(v.expires ?? '—')}</td><td>${v.flagged ? `<strong class="poor-text">${e(v.warnings.join('; ') || 'attention')}</strong>` : ''}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
</section>`;
}

function aiToolsSection(report: ComplianceReport): string {
  const { tools, summary } = report.aiTools;
  const body = tools.length
    ? `<table><thead><tr><th>Status</th><th>AI tool</th><th>Vendor</th><th>BAA</th><th>PHI</th><th>Approved use cases</th></tr></thead>
<tbody>
${tools
  .map(
    (t) =>
      `<tr><td><span class="status status-${e(t.status)}">${e(t.status)}</span></td><td>${e(t.name)}</td><td>${e(t.vendorName ?? t.vendorId ?? '')}</td><td>${e(t.baaText)}</td>` +
      `<td>${e(t.phiText)}${t.phiDeclared ? '' : ' (not stated)'}</td><td>${e(t.useCases.join(', '))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : '<p class="empty">The policy lists no AI tool, so none is approved.</p>';
  return `<section id="ai-tools">
<h2>${e(SECTION_TITLES.aiTools)}</h2>
<p>${summary.approved} approved, ${summary.restricted} restricted, ${summary.prohibited} prohibited.</p>
${body}
</section>`;
}

function footer(): string {
  return `<footer><p>${e(NEVER_CONTAINS)}</p></footer>`;
}

const STYLE = `
:root{--fg:#1f2328;--bg:#ffffff;--muted:#59636e;--border:#d1d9e0;--track:#eef1f4;--good:#1a7f37;--fair:#bf8700;--poor:#cf222e;--info:#0969da;--code-bg:#f6f8fa;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:980px;margin:0 auto;padding:24px 28px 40px}
h1{font-size:24px;margin:0 0 12px}
h2{font-size:18px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--border)}
p{margin:6px 0 10px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;background:var(--code-bg);padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}
.facts dt{color:var(--muted)}
.facts dd{margin:0}
.cards{display:grid;grid-template-columns:repeat(5,1fr);gap:10px;margin-top:20px}
.card{border:1px solid var(--border);border-left-width:5px;border-radius:6px;padding:8px 10px;color:var(--muted);font-size:12.5px}
.card .big{font-size:24px;font-weight:600;color:var(--fg)}
.card.good{border-left-color:var(--good)}.card.fair{border-left-color:var(--fair)}.card.poor{border-left-color:var(--poor)}
table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-size:13px}
th,td{border:1px solid var(--border);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--code-bg);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:600}
td.reason{max-width:360px}
.empty{color:var(--muted);font-style:italic}
.poor-text{color:var(--poor)}
.status{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
.status-approved{background:var(--good)}.status-restricted{background:var(--fair)}.status-prohibited{background:var(--poor)}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0}
svg .label,svg .value,svg .axis{fill:var(--fg);font-size:12px;font-family:inherit}
svg .total .label,svg .total .value{font-weight:600}
svg .track{fill:var(--track)}
svg .fill.good,svg .baa-valid,.key.baa-valid{fill:var(--good);background:var(--good)}
svg .fill.fair,svg .baa-expiring,.key.baa-expiring{fill:var(--fair);background:var(--fair)}
svg .fill.poor,svg .baa-expired,.key.baa-expired{fill:var(--poor);background:var(--poor)}
svg .fill.none,svg .baa-other{fill:var(--muted)}
svg .sev-error,.key.sev-error{fill:var(--poor);background:var(--poor)}
svg .sev-warning,.key.sev-warning{fill:var(--fair);background:var(--fair)}
svg .sev-info,.key.sev-info{fill:var(--info);background:var(--info)}
svg .axis-line,svg .tick{stroke:var(--muted);stroke-width:1}
svg .today{stroke:var(--info);stroke-width:1.5;stroke-dasharray:4 3}
svg .today-label{fill:var(--info)}
.legend{font-size:12px;color:var(--muted)}
.key{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:middle}
footer{margin-top:32px;padding-top:8px;border-top:1px solid var(--border);color:var(--muted);font-size:12px}
.toolbar{position:sticky;top:0;display:flex;justify-content:flex-end;padding:6px 12px;background:var(--bg);border-bottom:1px solid var(--border);z-index:1}
@media print{
  @page{margin:14mm}
  body{font-size:10.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  main{max-width:none;padding:0}
  .toolbar{display:none}
  section{break-inside:auto}
  h2{break-after:avoid}
  tr,svg.chart,.card{break-inside:avoid}
  thead{display:table-header-group}
}
`;

// The editor's theme: its colour variables, falling back to the document's own.
const WEBVIEW_STYLE = `
body.webview{--fg:var(--vscode-foreground,#1f2328);--bg:var(--vscode-editor-background,#fff);--muted:var(--vscode-descriptionForeground,#59636e);--border:var(--vscode-panel-border,var(--vscode-widget-border,#d1d9e0));--track:var(--vscode-editorWidget-background,#eef1f4);--good:var(--vscode-charts-green,#1a7f37);--fair:var(--vscode-charts-yellow,#bf8700);--poor:var(--vscode-charts-red,#cf222e);--info:var(--vscode-charts-blue,#0969da);--code-bg:var(--vscode-textCodeBlock-background,#f6f8fa);font-family:var(--vscode-font-family,system-ui);color-scheme:normal}
button{font:inherit;color:var(--vscode-button-foreground,#fff);background:var(--vscode-button-background,#0969da);border:1px solid var(--vscode-button-border,transparent);border-radius:2px;padding:4px 14px;cursor:pointer}
button:hover{background:var(--vscode-button-hoverBackground,#0550ae)}
button:focus-visible{outline:1px solid var(--vscode-focusBorder,#0969da);outline-offset:2px}
`;

const SAVE_SCRIPT = `(function(){const vscode=acquireVsCodeApi();document.getElementById('save').addEventListener('click',function(){vscode.postMessage({type:'save'});});})();`;
