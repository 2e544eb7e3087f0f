// Notices and policy problems as `file:line:col: level: message` lines for stderr, the format
// editors and CI log parsers recognise.

import type { PolicyDiagnostic } from '../../policy';
import { displayPath } from '../display-path';
import type { Notice } from '../report';

export function formatNoticeLine(notice: Notice): string {
  const where = notice.file ? `${notice.file}${notice.line ? `:${notice.line}:${notice.column ?? 1}` : ''}: ` : '';
  return `phi-guard: ${where}${notice.level}: ${notice.message} [${notice.kind}]`;
}

export function formatPolicyDiagnosticLine(diagnostic: PolicyDiagnostic, cwd: string): string {
  const file = displayPath(diagnostic.file, cwd);
  const { line, character } = diagnostic.range.start;
  return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`;
}

export function policyDiagnosticNotice(diagnostic: PolicyDiagnostic, cwd: string): Notice {
  return {
    kind: 'policy',
    level: diagnostic.severity,
    message: diagnostic.message,
    file: displayPath(diagnostic.file, cwd),
    absolutePath: diagnostic.file,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    code: diagnostic.code,
  };
}
