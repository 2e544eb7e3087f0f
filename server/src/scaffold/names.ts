// The identifiers, paths and labels derived from one resource name (`lab_result`, `LabResult`,
// `labResult` all give the same set, and so do their plurals `lab_results`, `LabResults`).

import * as inflect from 'pluralize';

export interface ResourceNames {
  /** lab_result */
  snake: string;
  /** lab_results */
  snakePlural: string;
  /** LabResult */
  pascal: string;
  /** LabResults */
  pascalPlural: string;
  /** labResult */
  camel: string;
  /** labResults */
  camelPlural: string;
  /** lab-results (URL segment, file names) */
  kebabPlural: string;
  /** "lab result" (messages, docs) */
  words: string;
  /** "Lab result" */
  label: string;
  /** The resource is the patient record itself: routes are /patients/{patient_id}. */
  isPatient: boolean;
}

/** Splits an identifier into lower-case word tokens: `labResult`, `lab_result`, `LabResult` -> lab, result. */
export function identifierTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((token) => token.toLowerCase());
}

/**
 * The plural of one word, with the `pluralize` inflection library (irregular and Latin plurals:
 * person -> people, diagnosis -> diagnoses, status -> statuses); a plural stays as it is.
 */
export function pluralize(word: string): string {
  return inflect.plural(word);
}

/** The singular of one word: `results` -> `result`, `diagnoses` -> `diagnosis`, `patient` stays. */
export function singularize(word: string): string {
  return inflect.singular(word);
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export function resourceNames(resource: string): ResourceNames {
  // A resource named in the plural (`lab_results`, as its table or route is often called) names the
  // same things as its singular: `lab_results.py`, `/lab-results`, "a lab result".
  const named = identifierTokens(resource);
  const tokens = [...named.slice(0, -1), singularize(named[named.length - 1])];
  const plural = [...tokens.slice(0, -1), pluralize(tokens[tokens.length - 1])];
  const pascal = (words: string[]): string => words.map(capitalize).join('');
  const camel = (words: string[]): string => words[0] + pascal(words.slice(1));
  const words = tokens.join(' ');
  return {
    snake: tokens.join('_'),
    snakePlural: plural.join('_'),
    pascal: pascal(tokens),
    pascalPlural: pascal(plural),
    camel: camel(tokens),
    camelPlural: camel(plural),
    kebabPlural: plural.join('-'),
    words,
    label: capitalize(words),
    isPatient: tokens.length === 1 && tokens[0] === 'patient',
  };
}
