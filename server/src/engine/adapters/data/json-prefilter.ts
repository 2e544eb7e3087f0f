// A lexical test run on a JSON file before it is parsed: whether it can hold a value phi-literal
// would report. Most JSON in a repository (fixtures, translations, schemas, lock files) has no key
// that names an identifier or a birth date; parsing and walking it cost more than half of a cold
// scan of a Django code base with ten thousand fixtures, for no finding (docs/performance.md,
// session 12).
//
// The test must never drop a file that would be reported, so it is a superset of what the rule
// needs. phi-literal reports a file's values only when one of them is a strong identifier (SSN,
// MBI, NHS, record, member, policy or account number) or a date of birth (a whole identity needs
// one), see analysis/literals/index.ts `corroborated`. Such a value either sits under a key that
// names the element (analysis/literals/keys.ts `elementOfKey`), under a FHIR identifier's
// `system` (json.ts `identifierKeyOf`), or has the shape of a dashed SSN or MBI with no key that
// says anything. A key's words, and the words joined, are a substring of the key's letters and
// digits in lower case, so the file's letters and digits in lower case hold them too, as long as
// no escape changes a letter or digit: escapes are removed first (an escaped quote or newline is
// neither), and a `\u` escape (which can be a letter) keeps the file.
//
// test/unit/json-prefilter.test.mjs checks the stems against elementOfKey's vocabulary.

/**
 * Stems of every key that names a strong identifier or a birth date: ssn/socialsecurity; mbi,
 * hicn, medicare; nhs; mrn, medicalrecord, chart; member, subscriber, beneficiary, insurance,
 * insured, healthplanid; policy; account, acct; dob, birth (birthdate, birthday...); pid (HL7's
 * PID fields); system (a FHIR identifier keyed by its system and type code).
 */
const REPORTABLE_KEY_STEMS = /ssn|socialsecurity|mbi|hicn|medicare|nhs|mrn|medicalrecord|chart|member|subscriber|beneficiar|insur|healthplanid|polic|account|acct|dob|birth|pid|system/;

/** A dashed SSN or MBI anywhere: the shapes reported without a key. */
const KEYLESS_SHAPES = /\d{3}-\d{2}-\d{4}|\d-[A-Z][A-Z0-9]\d-[A-Z]{2}\d{2}/;

/** Whether the JSON text may hold a value phi-literal reports; false only when it cannot. */
export function mayHoldReportableJsonValue(text: string): boolean {
  if (text.includes('\\u')) return true;
  const unescaped = text.includes('\\') ? text.replace(/\\[^]/g, '') : text;
  if (KEYLESS_SHAPES.test(unescaped)) return true;
  return REPORTABLE_KEY_STEMS.test(unescaped.toLowerCase().replace(/[^a-z0-9]+/g, ''));
}
