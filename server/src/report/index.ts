// The compliance report: its model (model.ts), the git facts it needs (git-facts.ts), and its
// HTML and Markdown renderings. Used by `phi-guard report` and the editor's *Open Compliance Report*.

export * from './model';
export { createBlame, describeRevision, gitRevision, parsePorcelain } from './git-facts';
export { renderComplianceHtml, type HtmlOptions } from './render-html';
export { renderComplianceMarkdown } from './render-markdown';
export { REPORT_TOOL_VERSION } from './version';
