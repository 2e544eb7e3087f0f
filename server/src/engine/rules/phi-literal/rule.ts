import { suppressFix } from '../../fixes/suppress';
import { ELEMENT_LABELS, findLiteralPhi, type LiteralHit } from '../../analysis/literals';
import { pathHasSyntheticMarker } from '../../analysis/literals/keys';
import { refusesProduction } from '../../analysis/literals/non-production';
import { projectRelative } from '../../model/command-line-script';
import { matchesPathGlob } from '../../model/path-globs';
import { isTestCode } from '../../model/test-code';
import type { LanguageId } from '../../model/types';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { clearCellOutputsFix, replaceWithSyntheticFix } from './fix';

// What a value is, is analysis/literals/ (validation, keys, synthetic values); the values come
// from the code adapters' string literals and from adapters/data/ (JSON, YAML, CSV, HL7,
// notebooks, .env samples). One finding per line: the values of one row or record line together.

/** Formats a suppression comment can be written in; the others are suppressed in the policy's `suppressions`. */
const COMMENT_LANGUAGES: ReadonlySet<LanguageId> = new Set<LanguageId>([...CODE_LANGUAGES, 'yaml', 'dotenv']);

/** Findings one by one per file; the lines after these are one summary finding. */
export const MAX_LINES_PER_FILE = 50;

const TRANSLATIONS = /(?:^|\/)(?:i18n|l10n|locales?|translations?|lang)\//i;

export const phiLiteral: Rule = {
  metadata: {
    id: 'phi-literal',
    title: 'PHI written into the repository',
    description:
      'A PHI value (a valid SSN, MBI or NHS number, a record number, or a date of birth, contact data or name in a patient record) is written in source, a fixture, a data file or a notebook output; use synthetic data.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.514(b) (de-identification: the Safe Harbor identifiers); 164.502 (uses and disclosures)',
    helpUri: helpUri('phi-literal'),
    languages: [...CODE_LANGUAGES, 'json', 'jsonl', 'yaml', 'csv', 'tsv', 'hl7', 'ipynb', 'dotenv'],
  },
  check({ facts, policy, filePath, projectRoot }) {
    const synthetic = policy.phi.syntheticData ?? [];
    if (synthetic.some((glob) => matchesPathGlob(glob, filePath))) return [];
    if (namedSynthetic(filePath, [policy.testCode.base, projectRoot])) return [];
    // A seed or reset script that refuses to run in production fills a development database.
    if (CODE_LANGUAGES.includes(facts.languageId) && refusesProduction(facts.text)) return [];
    // Translation catalogues hold the labels of forms ("Segundo Nombre"), never a person's data.
    if (facts.dataValues && TRANSLATIONS.test(filePath.replace(/\\/g, '/'))) return [];
    const byLine = new Map<number, LiteralHit[]>();
    for (const hit of findLiteralPhi(facts, { testCode: isTestCode(filePath, policy.testCode, projectRoot) })) {
      const line = hit.range.start.line;
      byLine.set(line, [...(byLine.get(line) ?? []), hit]);
    }
    const findings: RawFinding[] = [];
    const lines = [...byLine.keys()].sort((a, b) => a - b);
    if (lines.length > MAX_LINES_PER_FILE) {
      // An export of patient data: the first lines one by one (each with its fix), then one
      // finding saying how many more, so a 10,000-row file is one decision, not 10,000.
      const rest = lines.slice(MAX_LINES_PER_FILE);
      const restHits = rest.flatMap((line) => byLine.get(line)!);
      for (const line of rest) byLine.delete(line);
      const fixes = COMMENT_LANGUAGES.has(facts.languageId) ? [suppressFix('phi-literal', rest[0], facts)] : [];
      findings.push({
        ruleId: 'phi-literal',
        message: `${rest.length} more lines of this file hold real-looking PHI (${elementList(restHits)}): the file looks like an export of patient records. Remove it from the repository, or list it in the policy's phi.syntheticData if it is generated.`,
        range: restHits[0].range,
        line: rest[0],
        phi: [],
        sink: 'repository',
        flow: [],
        fixes,
      });
    }
    for (const [line, hits] of byLine) {
      const fixes = [replaceWithSyntheticFix(hits), clearCellOutputsFix(hits)].filter((fix) => fix !== undefined);
      if (COMMENT_LANGUAGES.has(facts.languageId)) fixes.push(suppressFix('phi-literal', line, facts));
      findings.push({
        ruleId: 'phi-literal',
        message: messageFor(hits),
        range: hits[0].range,
        line,
        phi: [],
        sink: 'repository',
        flow: [],
        fixes,
      });
    }
    return findings.sort((a, b) => a.line - b.line);
  },
};

/**
 * A file whose folder or name inside the project says its data is made up
 * (`synthetic-patient-data/examples/`, `__mocks__/`, `demoData.ts`). Outside every known project
 * folder only the file's own name counts: a `demo` folder above the project says nothing.
 */
function namedSynthetic(filePath: string, roots: (string | undefined)[]): boolean {
  const relative = projectRelative(filePath, roots) ?? filePath.split(/[\\/]/).pop() ?? '';
  return pathHasSyntheticMarker(relative);
}

/** `SSN under "ssn" and date of birth under "dob" (cell 3, output 1) written in the repository.` Never a value. */
function messageFor(hits: readonly LiteralHit[]): string {
  const parts: string[] = [];
  for (const hit of hits) {
    const label = ELEMENT_LABELS[hit.element];
    const key = hit.key && /^[\w .-]{1,40}$/.test(hit.key) ? ` under "${hit.key}"` : '';
    const part = `${label}${key}`;
    if (!parts.includes(part)) parts.push(part);
  }
  const shown = parts.length > 4 ? [...parts.slice(0, 4), `${parts.length - 4} more`] : parts;
  const list = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0];
  const where = hits.find((hit) => hit.where)?.where;
  return `Real-looking ${list}${where ? ` (${where})` : ''} written into the repository. Replace it with synthetic data, or list the file in the policy's phi.syntheticData if it is generated.`;
}

/** `SSN, date of birth and person name`: the distinct elements, never a value. */
function elementList(hits: readonly LiteralHit[]): string {
  const labels = [...new Set(hits.map((hit) => ELEMENT_LABELS[hit.element]))];
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : labels[0];
}
