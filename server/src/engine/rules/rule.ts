import type { FileFacts } from '../facts';
import type { FlowAnalyzer } from '../phi/flow';
import type { ResolvedPolicy } from '../../policy/types';
import type { Finding, RuleId, Severity, Suppression } from '../types';

export interface RuleMetadata {
  id: RuleId;
  /** Short title, e.g. "PHI in log output". */
  title: string;
  /** One sentence for SARIF `shortDescription` and hover. */
  description: string;
  defaultSeverity: Severity;
  /** HIPAA Security / Privacy Rule reference shown in hover and SARIF help. */
  hipaa: string;
  helpUri: string;
}

/** What a rule may look at: the language-neutral facts and the policy. Never the syntax tree. */
export interface RuleContext {
  facts: FileFacts;
  policy: ResolvedPolicy;
  filePath: string;
  /** PHI flow over the facts, shared by the rules of one analysis. */
  flow: FlowAnalyzer;
  /** The file's suppression comments, parsed once per analysis. */
  suppressions: Suppression[];
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
