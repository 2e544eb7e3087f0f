import type { FileFacts } from '../model/facts';
import type { FlowAnalyzer } from '../analysis/flow/flow';
import type { ResolvedPolicy } from '../model/policy';
import type { ProjectAuditContext } from '../model/audit-context';
import type { Finding, LanguageId, RuleId, Severity, Suppression } from '../model/types';

/**
 * What a rule is, apart from its check. The registry is the only list of rules, and
 * `npm run gen` derives from these fields the `phiGuard.rules` settings, the policy schema's
 * `rules`, the docs index (docs/rules/README.md) and RULE_IDS.
 */
export interface RuleMetadata {
  id: RuleId;
  /** Short title, e.g. "PHI in log output". */
  title: string;
  /** One sentence for SARIF `shortDescription`, hover, the policy schema and the settings. */
  description: string;
  defaultSeverity: Severity;
  /** HIPAA Security / Privacy Rule reference shown in hover and SARIF help. */
  hipaa: string;
  helpUri: string;
  /** The languages the rule runs on; the engine skips it in files of any other. */
  languages: readonly LanguageId[];
}

/** Python, TypeScript, TSX, JavaScript and JSX: every language with a syntax tree. */
export const CODE_LANGUAGES: readonly LanguageId[] = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

/** What a rule may look at: the language-neutral facts and the policy. Never the syntax tree. */
export interface RuleContext {
  facts: FileFacts;
  policy: ResolvedPolicy;
  filePath: string;
  /** PHI flow over the facts, shared by the rules of one analysis. */
  flow: FlowAnalyzer;
  /** The file's suppression comments, parsed once per analysis. */
  suppressions: Suppression[];
  /** Audit controls registered outside the file (Django settings, global NestJS guards), when known. */
  auditContext?: ProjectAuditContext;
  /** The project folder (`AnalyzeOptions.projectRoot`), when known: folders above it say nothing about a file. */
  projectRoot?: string;
}

/** A finding before severity and suppressions are applied. */
export type RawFinding = Omit<Finding, 'severity' | 'hipaa'>;

export interface Rule {
  metadata: RuleMetadata;
  check(context: RuleContext): RawFinding[];
}

export const DOCS_BASE_URL = 'https://phi-guard.dev/rules/';

export function helpUri(id: RuleId): string {
  return `${DOCS_BASE_URL}${id}`;
}
