// The identifiers, paths and labels derived from one resource name (`lab_result`, `LabResult`,
// `labResult` all give the same set).

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

export function pluralize(word: string): string {
  if (/sis$/.test(word)) return word.replace(/sis$/, 'ses');
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export function resourceNames(resource: string): ResourceNames {
  const tokens = identifierTokens(resource);
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
