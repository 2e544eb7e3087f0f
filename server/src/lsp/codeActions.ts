// Quick fixes come straight from each diagnostic's `data` (stateless, docs/architecture.md);
// "fix all" merges the preferred fix of every finding in the file into one edit. Edits are
// tied to the document version they were computed for: a stale request gets no action.

import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { applyTextEdits, countSyntaxErrors, type Finding, type Fix, type Range } from '../engine';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol';
import type { AnalysisService } from './analysisService';
import type { ClientFeatures } from './clientFeatures';
import { isFindingData } from './diagnostics';
import type { OpenDocument } from './documentStore';

export const FIX_ALL_TITLE = 'Fix all PHI Guard problems in this file';

export async function provideCodeActions(
  params: CodeActionParams,
  document: OpenDocument | undefined,
  analysis: AnalysisService,
  features: ClientFeatures,
): Promise<CodeAction[]> {
  if (!document) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (requested(only, CodeActionKind.QuickFix)) {
    const offered = parsesAsWell(document);
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      for (const fix of (await fixesOf(diagnostic, document, analysis)).filter(offered)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.isPreferred,
          edit: workspaceEdit(document, fix.edits, features),
        });
      }
    }
  }
  // Source actions only when asked for by kind (save actions, the Source Action menu, the
  // Fix All command): a lightbulb request without `only` would list them beside every squiggle.
  if (only && requested(only, FIX_ALL_KIND)) {
    const fixAll = await fixAllAction(document, analysis, features);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * Fixes are checked to parse on clean text (unit tests, fuzzing). On text that already has syntax
 * errors, tree-sitter's error recovery can make a fix land badly, so each one is re-parsed and
 * only those that parse at least as well as the document are offered (as `phi-guard fix` does).
 * Clean files pay nothing: the current tree already says it has no error.
 */
function parsesAsWell(document: OpenDocument): (fix: Fix) => boolean {
  // Lazy: most requests carry no PHI Guard diagnostic, and a skipped (too large) file has no tree.
  let check: ((fix: Fix) => boolean) | undefined;
  return (fix) => {
    check ??= syntaxCheck(document);
    return check(fix);
  };
}

function syntaxCheck(document: OpenDocument): (fix: Fix) => boolean {
  const languageId = document.engineLanguage;
  let broken = false;
  try {
    const parsed = languageId ? document.parsedDocument() : undefined;
    broken = !!parsed?.hasTree && parsed.tree.rootNode.hasError;
  } catch {
    broken = false;
  }
  if (!languageId || !broken) return () => true;
  const text = document.text;
  const baseline = countSyntaxErrors(text, languageId);
  return (fix) => countSyntaxErrors(applyTextEdits(text, fix.edits), languageId) <= baseline;
}

/** Whether `kind` falls under one of the requested kinds (kinds are dot-separated hierarchies). */
function requested(only: string[] | undefined, kind: string): boolean {
  if (!only) return true;
  return only.some((wanted) => wanted === '' || kind === wanted || kind.startsWith(`${wanted}.`));
}

async function fixesOf(diagnostic: Diagnostic, document: OpenDocument, analysis: AnalysisService): Promise<Fix[]> {
  if (isFindingData(diagnostic.data)) {
    return diagnostic.data.version === document.version ? diagnostic.data.fixes : [];
  }
  // A client that drops `data`: find the finding in the cached analysis of this version.
  const report = await analysis.cachedReport(document);
  const finding = report?.result?.findings.find(
    (candidate) => candidate.ruleId === diagnostic.code && sameRange(candidate.range, diagnostic.range),
  );
  return finding?.fixes ?? [];
}

export async function fixAllAction(
  document: OpenDocument,
  analysis: AnalysisService,
  features: ClientFeatures,
): Promise<CodeAction | undefined> {
  const report = await analysis.currentReport(document);
  if (!report?.result || report.version !== document.version) return undefined;
  const offered = parsesAsWell(document);
  const edits = mergePreferredFixes(report.result.findings.map((finding) => ({ ...finding, fixes: finding.fixes.filter(offered) })));
  if (!edits.length) return undefined;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(document, edits, features) };
}

/**
 * The preferred fix of each finding, in file order, skipping any fix whose edits would overlap
 * one already taken (taking part of a fix could break the code). Identical edits, such as the
 * same import added by two fixes, are applied once.
 */
export function mergePreferredFixes(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const ordered = [...findings].sort((a, b) => comparePositions(a.range.start, b.range.start));
  for (const finding of ordered) {
    const fix = finding.fixes.find((candidate) => candidate.isPreferred);
    if (!fix || !fix.edits.length) continue;
    const fresh = fix.edits.filter((edit) => !taken.some((other) => sameEdit(edit, other)));
    if (fresh.some((edit) => taken.some((other) => overlaps(edit.range, other.range)))) continue;
    taken.push(...fresh);
  }
  return taken.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function workspaceEdit(document: OpenDocument, edits: TextEdit[], features: ClientFeatures): WorkspaceEdit {
  if (features.documentChanges) {
    return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] };
  }
  return { changes: { [document.uri]: edits } };
}

type Point = Range['start'];

function comparePositions(a: Point, b: Point): number {
  return a.line - b.line || a.character - b.character;
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return sameRange(a.range, b.range) && a.newText === b.newText;
}

/** Ranges share text, or are two insertions at the same point (their order would be arbitrary). */
function overlaps(a: Range, b: Range): boolean {
  if (comparePositions(a.start, b.start) === 0) return true;
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}
