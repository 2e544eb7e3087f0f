// `phi-guard scan --format junit`: a JUnit XML test report for CI systems that show test results
// (GitLab, Jenkins, Azure Pipelines, CircleCI). One test suite per rule: a rule without findings is
// one passing test case, each finding a failing one named by file and line. Files that could not be
// analysed and policy errors are test cases with an <error> in a "phi-guard" suite, so the report
// is never green when something was not looked at. Messages name PHI elements and sinks, never
// source text.

import { registeredRules, type Finding, type RuleId } from '../../engine';
import type { Notice, ScanReport, ScannedFile } from '../report';
import { policyDiagnosticNotice } from './notices-text';
import { findingRegion } from './positions';

interface TestCase {
  name: string;
  classname: string;
  failure?: { type: string; message: string; body: string };
  error?: { type: string; message: string };
}

export function formatJunit(report: ScanReport): string {
  const byRule = new Map<RuleId, { finding: Finding; file: ScannedFile }[]>();
  for (const file of report.files) {
    for (const finding of file.result?.findings ?? []) {
      const list = byRule.get(finding.ruleId) ?? [];
      list.push({ finding, file });
      byRule.set(finding.ruleId, list);
    }
  }
  const suites: { name: string; cases: TestCase[] }[] = registeredRules().map(({ metadata }) => {
    const found = byRule.get(metadata.id) ?? [];
    const cases: TestCase[] = found.map(({ finding, file }) => {
      const region = findingRegion(finding);
      return {
        name: `${file.display}:${region.startLine}:${region.startColumn}`,
        classname: `phi-guard.${metadata.id}`,
        failure: {
          type: finding.severity,
          message: finding.message,
          body: [`${finding.severity}: ${finding.message}`, `at ${file.display}:${region.startLine}:${region.startColumn}`, `HIPAA: ${finding.hipaa}`, `Rule: ${metadata.id} (${metadata.helpUri})`].join('\n'),
        },
      };
    });
    return { name: metadata.id, cases: cases.length > 0 ? cases : [{ name: 'no findings', classname: `phi-guard.${metadata.id}` }] };
  });

  const notices = [...report.policyDiagnostics.map((d) => policyDiagnosticNotice(d, report.cwd)), ...report.notices].filter((n) => n.level === 'error');
  if (notices.length > 0) suites.push({ name: 'phi-guard', cases: notices.map(noticeCase) });

  const count = (cases: TestCase[], key: 'failure' | 'error') => cases.filter((c) => c[key]).length;
  const all = suites.flatMap((s) => s.cases);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="PHI Guard" tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}">`,
  ];
  for (const suite of suites) {
    out.push(`  <testsuite name="${xml(suite.name)}" tests="${suite.cases.length}" failures="${count(suite.cases, 'failure')}" errors="${count(suite.cases, 'error')}" skipped="0">`);
    for (const testCase of suite.cases) {
      const open = `    <testcase name="${xml(testCase.name)}" classname="${xml(testCase.classname)}"`;
      if (testCase.failure) {
        const { type, message, body } = testCase.failure;
        out.push(`${open}>`, `      <failure type="${xml(type)}" message="${xml(message)}">${xml(body, false)}</failure>`, '    </testcase>');
      } else if (testCase.error) {
        out.push(`${open}>`, `      <error type="${xml(testCase.error.type)}" message="${xml(testCase.error.message)}"/>`, '    </testcase>');
      } else {
        out.push(`${open}/>`);
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function noticeCase(notice: Notice): TestCase {
  const where = notice.file ? `${notice.file}${notice.line ? `:${notice.line}` : ''}` : notice.kind;
  return { name: where, classname: `phi-guard.${notice.kind}`, error: { type: notice.code ?? notice.kind, message: notice.message } };
}

/**
 * Escapes text for an XML attribute (line breaks as character references, which attribute
 * normalisation would otherwise turn into spaces) or element, replacing characters XML 1.0 cannot
 * hold.
 */
export function xml(value: string, attribute = true): string {
  const text = value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
  if (!attribute) return text.replace(/\r/g, '&#13;');
  return text
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
