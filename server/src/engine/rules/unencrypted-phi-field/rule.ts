import type { ModelFact, ModelFieldFact, OrmKind } from '../../model/facts';
import { withSuppressFix } from '../../fixes/suppress';
import { isEncryptionName, isProtectedValueName, requiredElements } from '../../analysis/encryption';
import { classifierFor } from '../../analysis/phi/classifier-cache';
import type { PhiClassifier } from '../../analysis/phi/classify';
import { tokenize } from '../../analysis/phi/identifiers';
import type { PhiCategory } from '../../model/types';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { encryptFieldFix } from './fix';

const ORM_LABEL: Record<OrmKind, string> = {
  sqlalchemy: 'SQLAlchemy',
  sqlmodel: 'SQLModel',
  django: 'Django',
  prisma: 'Prisma',
  typeorm: 'TypeORM',
  sequelize: 'Sequelize',
  mongoose: 'Mongoose',
};

const ADVICE: Record<OrmKind, string> = {
  sqlalchemy: 'Use an encrypted column type (sqlalchemy-utils `StringEncryptedType`).',
  sqlmodel: 'Give it an encrypted column type (`sa_type=StringEncryptedType(...)`).',
  django: 'Wrap the field in `encrypt(...)` (django-cryptography) or use an encrypted field type.',
  prisma: 'Annotate it `/// @encrypted` (prisma-field-encryption).',
  typeorm: 'Add an encryption `transformer` to the column.',
  sequelize: 'Encrypt the attribute (an encrypting getter/setter or type).',
  mongoose: 'Encrypt it with the mongoose-field-encryption plugin.',
};

const BOOLEAN_TYPE_TOKENS = new Set(['bool', 'boolean']);
/** Column types of generated keys (`AutoField`, `BigAutoField`, `serial`, `PrimaryGeneratedColumn`): never a value of the patient's. */
const KEY_TYPE_TOKENS = new Set(['auto', 'serial', 'bigserial', 'smallserial', 'autoincrement', 'primary']);
/** Last words of a code set's model (`DiagnosisCode`, `DiagnosisTranslation`, `AllergyType`): the same rows for every patient. */
const CODE_SET_WORDS = new Set([
  'code', 'codes', 'translation', 'translations', 'type', 'types', 'category', 'categories', 'catalog', 'catalogue',
  'lookup', 'dictionary', 'vocabulary', 'term', 'terms', 'template', 'templates',
]);
/** Field words that tie a row to one patient's care, besides the person words (`encounter_id`, `visit`). */
const CARE_LINK_WORDS = new Set(['encounter', 'visit', 'admission', 'episode', 'consultation', 'appointment', 'chart', 'stay', 'case']);
const DATE_TYPE_TOKENS = new Set(['date', 'datetime', 'time', 'timestamp', 'timestamptz']);
/**
 * Nested paths listing when something applies (a protocol's or a drug's `indications[].icdCode`,
 * a trial's `inclusionCriteria`): the conditions it is meant for, the same for every patient, not
 * one patient's diagnosis.
 */
const CRITERIA_WORDS = new Set(['indication', 'indications', 'contraindication', 'contraindications', 'criteria', 'criterion', 'eligibility']);

export const unencryptedPhiField: Rule = {
  metadata: {
    id: 'unencrypted-phi-field',
    title: 'PHI field stored without application-level encryption',
    description:
      'A persistence model field holds a PHI element the policy requires to be encrypted at rest (by default SSN and diagnosis), but its column is not encrypted by the application.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.312(a)(2)(iv) (encryption and decryption); 164.312(e)(2)(ii)',
    helpUri: helpUri('unencrypted-phi-field'),
    languages: [...CODE_LANGUAGES, 'prisma'],
  },
  check({ facts, policy }) {
    const models = facts.models ?? [];
    if (!models.length) return [];
    const classifier = classifierFor(policy);
    const required = requiredElements(policy, classifier);
    const findings: RawFinding[] = [];
    for (const model of models) {
      if (isCodeSet(model, classifier)) continue;
      const billingCatalogue = isBillingCatalogue(model, classifier);
      for (const field of model.fields) {
        const phi = requiredPhi(field, model, classifier, required);
        if (!phi) continue;
        if (billingCatalogue && isCodeField(field)) continue;
        if (field.encryptedBy || field.names.some((name) => isEncryptionName(name, policy))) continue;
        const line = field.range.start.line;
        const fixes = withSuppressFix('unencrypted-phi-field', line, facts, encryptFieldFix(field, facts, policy));
        const where = model.name ? `${model.name}.${field.name}` : field.name;
        findings.push({
          ruleId: 'unencrypted-phi-field',
          message: `Field \`${where}\` (${ORM_LABEL[model.orm]}) holds ${phi.element} (${phi.category}) without application-level encryption. ${ADVICE[model.orm]}`,
          range: field.typeRange,
          line,
          phi: [phi],
          sink: `${ORM_LABEL[model.orm]} model ${model.name}`.trim(),
          flow: [],
          fixes,
        });
      }
    }
    return findings;
  },
};

function requiredPhi(
  field: ModelFieldFact,
  model: ModelFact,
  classifier: PhiClassifier,
  required: Set<string>,
): { element: string; category: PhiCategory } | undefined {
  if (field.relation) return undefined;
  if (field.parents?.some((parent) => tokenize(parent).some((token) => CRITERIA_WORDS.has(token)))) return undefined;
  for (const name of [field.name, field.columnName]) {
    if (!name || isProtectedValueName(name)) continue;
    const found = classifier.classify(name);
    if (found.kind !== 'element' || !required.has(found.element)) continue;
    if (!fitsContext(found.context, model.name, classifier)) continue;
    const typeTokens = tokenize(field.type);
    if (typeTokens.some((token) => BOOLEAN_TYPE_TOKENS.has(token) || KEY_TYPE_TOKENS.has(token))) continue;
    // A date column is about when, not what (`diagnosed_at`, `diagnosis_date`), unless the element is a date.
    if (typeTokens.some((token) => DATE_TYPE_TOKENS.has(token)) && !/date|birth|dob|death/.test(found.element)) continue;
    return { element: found.element, category: found.category };
  }
  return undefined;
}

/**
 * A code set (`class DiagnosisCode`: a code, its description, its translations) whose fields tie
 * no row to a person or to a person's care: a catalogue, whose `diagnosis_code` is every
 * patient's possible code, not one patient's diagnosis.
 */
function isCodeSet(model: ModelFact, classifier: PhiClassifier): boolean {
  const words = tokenize(model.name);
  if (words.length < 2 || !CODE_SET_WORDS.has(words[words.length - 1])) return false;
  return !model.fields.some((field) =>
    [field.name, field.columnName ?? ''].some((name) => tokenize(name).some((token) => CARE_LINK_WORDS.has(token) || classifier.isPersonObjectName(token))),
  );
}

/** Code systems of procedures and services (`cptCode`, `hcpcs`): what an act is billed as. */
const PROCEDURE_CODE_WORDS = new Set(['cpt', 'hcpcs', 'ccam', 'opcs']);

/**
 * A catalogue of billable acts (`ClinicalAct`: a name, a category, a duration, a `cptCode` and the
 * `icdCode` it is usually billed with) none of whose fields ties a row to a person or to a
 * person's care: its diagnosis code is the act's usual one, the same for every patient.
 */
function isBillingCatalogue(model: ModelFact, classifier: PhiClassifier): boolean {
  const names = model.fields.flatMap((field) => [field.name, field.columnName ?? '']);
  if (!names.some((name) => tokenize(name).some((token) => PROCEDURE_CODE_WORDS.has(token)))) return false;
  return !names.some((name) => tokenize(name).some((token) => CARE_LINK_WORDS.has(token) || classifier.isPersonObjectName(token)));
}

/** `icdCode`, `diagnosis_codes`: a code, not a diagnosis written for someone. */
function isCodeField(field: ModelFieldFact): boolean {
  return tokenize(field.name).some((token) => token === 'code' || token === 'codes' || token === 'icd');
}

function fitsContext(context: string, modelName: string, classifier: PhiClassifier): boolean {
  if (context === 'any') return !modelName || !classifier.isNonPersonObjectName(modelName) || classifier.isPersonObjectName(modelName);
  if (context === 'person') return classifier.isPersonObjectName(modelName);
  if (context === 'clinical') return classifier.isClinicalObjectName(modelName) || classifier.isPersonObjectName(modelName);
  if (context === 'account') return classifier.isAccountObjectName(modelName);
  return true;
}
