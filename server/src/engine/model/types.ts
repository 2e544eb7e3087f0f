// The engine's public vocabulary: what analysis returns to the language server, the CLI and the
// tests. Positions are model/ranges.ts's (LSP conventions), re-exported here with the data
// categories so the vocabulary is one import.

import type { EndpointFact, RouteReference } from './endpoints';
import type { PhiCategory } from '../catalogues/phi-elements';
import type { Range } from './ranges';
import { RULE_IDS } from './rule-ids.generated';

export { RULE_IDS };
export type { PhiCategory } from '../catalogues/phi-elements';
export type { Position, Range } from './ranges';

/** A registered rule's id; the list is generated from the rule registry. */
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export type LanguageId = 'python' | 'typescript' | 'typescriptreact' | 'javascript' | 'javascriptreact' | 'prisma' | DataLanguageId;

/** Data files: no code, only the values written in them (phi-literal). */
export type DataLanguageId = 'json' | 'jsonl' | 'yaml' | 'csv' | 'tsv' | 'hl7' | 'ipynb' | 'dotenv';

export interface TextEdit {
  range: Range;
  newText: string;
}

export type FixKind = 'fix' | 'secure-debug' | 'suppress';

/** A fix is plain text edits on the analysed file: the server turns it into a code action. */
export interface Fix {
  title: string;
  kind: FixKind;
  /** The best fix for the finding: used by `source.fixAll` and `phi-guard fix`. */
  isPreferred: boolean;
  edits: TextEdit[];
  /**
   * Set by the fix builder when an edit repeats a string literal from the code (a log message's
   * static text, an argument kept as written). Such text can hold PHI or a secret, so reports
   * that leave the machine (SARIF) carry no such fix; the editor and `phi-guard fix` still apply it.
   */
  copiesSourceText?: boolean;
}

/** One step of the way PHI took from its source to the sink (for hover and relatedInformation). */
export interface FlowStep {
  range: Range;
  /** Describes the step by names and kinds only, never by value: "patient.first_name (demographics)". */
  label: string;
  /** The file of the step when it is not the analysed file (a sink inside a helper of another module); absolute. */
  path?: string;
}

export interface PhiElementRef {
  /** Catalogue element, e.g. `date_of_birth`, or `record` for a whole patient record. */
  element: string;
  category: PhiCategory;
}

/**
 * How a function's summary marks what its parameters and calls carry, in place of an element
 * (summaries/extract.ts): such an element is whatever a caller passes, not a catalogue element.
 */
export const SUMMARY_MARKER = '\u0000';

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Names the PHI element and the sink, never the PHI value. */
  message: string;
  /** The smallest expression that shows the problem; its start line is the reported line. */
  range: Range;
  /** The line where the offending call / statement / declaration starts (0-based). */
  line: number;
  phi: PhiElementRef[];
  /** Human name of the sink, e.g. `logging (logger.info)`. */
  sink?: string;
  /** Source first, sink last. Empty when the PHI sits in the sink's own argument. */
  flow: FlowStep[];
  /** HIPAA reference shown in hover, e.g. `45 CFR 164.502(b) (minimum necessary)`. */
  hipaa: string;
  fixes: Fix[];
}

export interface Suppression {
  /** 0-based line of the comment. */
  line: number;
  range: Range;
  rules: RuleId[];
  /** Ids in the brackets that are not rule ids (reported as unknown, never silently ignored). */
  unknownRules: string[];
  reason?: string;
  /** The line whose findings it hides (the comment's own line if code precedes it, else the next). */
  appliesToLine: number;
}

export interface SkippedFile {
  reason: 'too-large' | 'binary' | 'minified' | 'too-deep' | 'unsupported-language';
  detail: string;
}

export interface RuleFailure {
  ruleId: RuleId;
  /** The exception's type and location, never its message (which could quote source text). */
  error: string;
}

/** A step of the analysis outside the rules that failed; the other steps and every rule still ran. */
export interface InternalError {
  /** `endpoint-discovery`: the file's endpoints for the coverage report; `django-routes`: its URLconf routes. */
  part: 'endpoint-discovery' | 'django-routes' | 'cross-file-flows';
  /** The exception's type and location, never its message (which could quote source text). */
  error: string;
}

/** An entry of the policy's `suppressions` that matched the file, with how many findings it hid. */
export interface AppliedPolicySuppression {
  files: string[];
  rules: RuleId[];
  reason: string;
  suppressedFindings: number;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Findings hidden by a suppression comment or a policy suppression (for audit listings). */
  suppressed: Finding[];
  suppressions: Suppression[];
  /** The policy's `suppressions` entries that match this file (absent when none do). */
  policySuppressions?: AppliedPolicySuppression[];
  /** A data file cut at the size limit: only its start was analysed (a warning, not a failure). */
  partlyRead?: { readKb: number; totalKb: number };
  skipped?: SkippedFile;
  ruleFailures: RuleFailure[];
  /** Steps outside the rules that failed (absent when none did): the file is only partly analysed. */
  internalErrors?: InternalError[];
  /** Whether the syntax tree had errors (analysis still ran on what parsed). */
  hasSyntaxErrors: boolean;
  /** HTTP endpoints found in the file, with their audit control (absent when the file was skipped). */
  endpoints?: EndpointFact[];
  /** Django URLconf routes (`urls.py`), joined to views of other files by the coverage report. */
  routes?: RouteReference[];
}
