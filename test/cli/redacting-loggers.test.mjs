// A logger the project made to redact PHI (a winston format, a Python logging filter, named for
// redaction and attached to that logger) is not a log leak; any other logger still is.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, tempProject } from './run-cli.mjs';

const project = (files) => tempProject('redacting-loggers', files);

function logFindings(cwd) {
  const { stdout } = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], { cwd });
  return JSON.parse(stdout)
    .findings.filter((finding) => finding.ruleId === 'phi-in-log')
    .map((finding) => `${finding.file}:${finding.line}`)
    .sort();
}

const loggerModule = [
  "import winston from 'winston';",
  'const phiRedactionFormat = winston.format((info) => info);',
  'const logFormat = winston.format.combine(',
  '  phiRedactionFormat(),',
  '  winston.format.json(),',
  ');',
  'export const logger = winston.createLogger({ level: "info", format: logFormat });',
  'export const plainLogger = winston.createLogger({',
  '  format: winston.format.json(),',
  '  transports: [new winston.transports.Console({ format: winston.format.combine(phiRedactionFormat()) })],',
  '});',
  'export const inlineLogger = winston.createLogger({ format: winston.format.combine(maskPhi(), winston.format.json()) });',
  'export function logSignIn(patient) {',
  '  logger.info("sign in", { email: patient.email });',
  '  plainLogger.info("sign in", { email: patient.email });',
  '}',
  '',
].join('\n');

test('winston: a logger whose own format redacts is quiet, here and where its module is imported; others are not', () => {
  const cwd = project({
    'src/lib/logger.ts': loggerModule,
    'src/services/reminders.ts': [
      "import { logger, plainLogger, inlineLogger } from '../lib/logger';",
      'export function remind(patient) {',
      '  logger.info("sent", { phone: patient.phone });',
      '  inlineLogger.info("sent", { phone: patient.phone });',
      '  plainLogger.info("sent", { phone: patient.phone });',
      '  console.log("sent", patient.phone);',
      '}',
      '',
    ].join('\n'),
  });
  // plainLogger's redaction sits on one transport only, not on the logger; console is not the logger.
  assert.deepEqual(logFindings(cwd), ['src/lib/logger.ts:15', 'src/services/reminders.ts:5', 'src/services/reminders.ts:6']);
});

test('a redaction function defined but never attached to the logger does not count', () => {
  const cwd = project({
    'src/log.ts': [
      "import winston from 'winston';",
      'export const redactPhi = (value) => value;',
      'export const logger = winston.createLogger({ format: winston.format.json() });',
      'export function report(patient) {',
      '  logger.warn("failed", { ssn: patient.ssn });',
      '}',
      '',
    ].join('\n'),
  });
  assert.deepEqual(logFindings(cwd), ['src/log.ts:5']);
});

test('Python: a logger given a redaction filter is quiet, another logger of the module is not', () => {
  const cwd = project({
    'app/log.py': [
      'import logging',
      '',
      'from app.filters import PhiRedactingFilter',
      '',
      'logger = logging.getLogger(__name__)',
      'logger.addFilter(PhiRedactingFilter())',
      'plain_logger = logging.getLogger("plainLogger")',
      'plain_logger.addFilter(RateLimitFilter())',
      '',
      '',
      'def admitted(patient):',
      '    logger.info("admitted %s", patient.ssn)',
      '    plain_logger.info("admitted %s", patient.ssn)',
      '',
    ].join('\n'),
    'app/views.py': ['from app.log import logger, plain_logger', '', '', 'def show(patient):', '    logger.info("shown %s", patient.ssn)', '    plain_logger.info("shown %s", patient.ssn)', ''].join('\n'),
  });
  assert.deepEqual(logFindings(cwd), ['app/log.py:13', 'app/views.py:6']);
});

/**
 * A winston logger whose format redacts a fixed list of keys (`redaction.ts`) plus what the
 * patterns in `patterns` find; `more` adds lines (other loggers) to the logger's module.
 */
function keyListLogger(patterns, more = []) {
  return {
    'src/utils/redaction.ts': [
      "const PHI_FIELD_NAMES = ['firstName', 'lastName', 'dateOfBirth', 'diagnosis'];",
      `const PATTERNS = [${patterns}];`,
      'export function redactPHI(value) { return value; }',
      '',
    ].join('\n'),
    'src/lib/logger.ts': [
      "import winston from 'winston';",
      "import { redactPHI } from '../utils/redaction';",
      'const phiRedactionFormat = winston.format((info) => redactPHI(info));',
      'export const logger = winston.createLogger({ format: winston.format.combine(phiRedactionFormat(), winston.format.json()) });',
      ...more,
      '',
    ].join('\n'),
  };
}

const PHONE_PATTERN = "{ pattern: /\\d{3}-\\d{3}-\\d{4}/g, replacement: '[PHONE-REDACTED]' }";
const EMAIL_PATTERN = "{ pattern: /\\S+@\\S+/g, replacement: '[EMAIL-REDACTED]' }";

test('a logger redacting a fixed list of keys quiets only values logged under those keys, and what its patterns find', () => {
  const cwd = project({
    ...keyListLogger(`${PHONE_PATTERN}, ${EMAIL_PATTERN}`),
    'src/services/visits.ts': [
      "import { logger } from '../lib/logger';",
      'export function record(patient, visit) {',
      '  logger.info("visit", { firstName: patient.firstName, diagnosis: visit.diagnosis });',
      '  logger.info("visit", { patientPhone: patient.phone });',
      '  logger.error("visit failed", { visit: { medication: visit.medication } });',
      '  logger.error("visit failed", { note: patient.diagnosis });',
      '  logger.info("mailed", { to: patient.ToAddresses });',
      '  logger.info("posted", { to: patient.streetAddress });',
      '}',
      '',
    ].join('\n'),
  });
  // Lines 3-4 and 7: listed keys, a phone number and e-mail recipients its patterns replace; 5-6 and 8: keys the list does not hold.
  assert.deepEqual(logFindings(cwd), ['src/services/visits.ts:5', 'src/services/visits.ts:6', 'src/services/visits.ts:8']);
});

test('a helper logging through a redacting logger leaks nothing its callers pass, unless the redaction misses it', () => {
  const cwd = project({
    ...keyListLogger(PHONE_PATTERN, ['export const plainLogger = winston.createLogger({ format: winston.format.json() });']),
    'src/lib/masked.ts': [
      "import winston from 'winston';",
      'export const maskedLogger = winston.createLogger({ format: winston.format.combine(maskPhi(), winston.format.json()) });',
      '',
    ].join('\n'),
    'src/services/sms.ts': [
      "import { logger, plainLogger } from '../lib/logger';",
      "import { maskedLogger } from '../lib/masked';",
      'export function smsFailed(from) {',
      '  logger.error("inbound sms failed", { from });',
      '}',
      'export function noteFailed(note) {',
      '  logger.error("note failed", { note });',
      '}',
      'export function anythingFailed(value) {',
      '  maskedLogger.error("failed", { value });',
      '}',
      'export function plainFailed(from) {',
      '  plainLogger.error("inbound sms failed", { from });',
      '}',
      '',
    ].join('\n'),
    'src/routes/inbound.ts': [
      "import { smsFailed, noteFailed, anythingFailed, plainFailed } from '../services/sms';",
      'export function onInbound(patient) {',
      '  smsFailed(patient.phone);',
      '  noteFailed(patient.diagnosis);',
      '  anythingFailed(patient.dateOfBirth);',
      '  plainFailed(patient.phone);',
      '}',
      '',
    ].join('\n'),
  });
  // Line 3: its pattern finds phone numbers under any key; 5: a logger that redacts everything (no key list).
  // Line 4: the diagnosis is logged under `note`, a key the list does not hold; 6: a plain logger.
  assert.deepEqual(logFindings(cwd), ['src/routes/inbound.ts:4', 'src/routes/inbound.ts:6']);
});

test('pino: `redact` paths quiet values logged under the keys they end in; a redacting `formatters.log` quiets its key list', () => {
  const cwd = project({
    'src/utils/logger.ts': [
      "import pino from 'pino';",
      "const PHI_FIELDS = new Set(['ssn', 'dob', 'email', 'first_name']);",
      'function redactPHI(object) { return object; }',
      'const logger = pino({',
      "  level: 'info',",
      "  redact: { paths: ['req.headers.authorization', '*.phone', 'patient.mrn'], censor: '[REDACTED]' },",
      '  formatters: { log: (object) => redactPHI(object) },',
      '});',
      "const pathsLogger = pino({ redact: ['phone'] });",
      "const plainLogger = pino({ level: 'info' });",
      'export { logger, pathsLogger, plainLogger };',
      '',
    ].join('\n'),
    'src/services/search.ts': [
      "import { logger, pathsLogger, plainLogger } from '../utils/logger';",
      'export function search(patient) {',
      '  logger.info({ phone: patient.phone, email: patient.email });',
      '  logger.info({ diagnosis: patient.diagnosis });',
      '  pathsLogger.info({ phone: patient.phone });',
      '  pathsLogger.info({ email: patient.email });',
      '  plainLogger.info({ phone: patient.phone });',
      '}',
      '',
    ].join('\n'),
  });
  // Line 4 logs a key neither the paths nor the list name; line 6 a key outside pathsLogger's paths; `plainLogger` redacts nothing.
  assert.deepEqual(logFindings(cwd), ['src/services/search.ts:4', 'src/services/search.ts:6', 'src/services/search.ts:7']);
});
