// A service module nothing imports never runs: its sends to a vendor are dead code
// (analysis/modules/unimported-modules.ts). The same module imported anywhere, or a workspace
// that loads modules by a computed name, keeps the finding.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const project = (files) => tempProject('unimported-modules', files);
const thirdParty = (cwd) => findingLines(cwd, 'phi-to-third-party');

const smsService = (name) =>
  [
    "const twilio = require('twilio');",
    `class ${name} {`,
    '  constructor() { this.client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN); }',
    '  async sendReminder(patient) {',
    '    return this.client.messages.create({ to: patient.phone, from: process.env.TWILIO_FROM, body: `Hi ${patient.firstName}, your diagnosis: ${patient.diagnosis}` });',
    '  }',
    '}',
    `module.exports = new ${name}();`,
    '',
  ].join('\n');

const files = {
  'backend/services/notificationService.js': smsService('NotificationService'),
  'backend/services/legacySmsService.js': smsService('LegacySmsService'),
  'backend/controllers/appointmentController.js': [
    "const notificationService = require('../services/notificationService');",
    'exports.remind = async (req, res) => {',
    '  await notificationService.sendReminder(req.body.patient);',
    '  res.json({ ok: true });',
    '};',
    '',
  ].join('\n'),
  'backend/server.js': ["const express = require('express');", "const appointments = require('./controllers/appointmentController');", 'const app = express();', "app.post('/remind', appointments.remind);", 'app.listen(3000);', ''].join('\n'),
};

test('a service module nothing imports sends nothing: its vendor call is not reported; the imported one is', () => {
  assert.deepEqual(thirdParty(project(files)), ['backend/services/notificationService.js:5']);
});

test('imported anywhere (even by a path alias), or with modules loaded by a computed name, it is reported', () => {
  const aliased = { ...files, 'backend/jobs/reminders.js': ["const sms = require('@/services/legacySmsService');", 'module.exports = () => sms;', ''].join('\n') };
  assert.deepEqual(thirdParty(project(aliased)), ['backend/services/legacySmsService.js:5', 'backend/services/notificationService.js:5']);
  const loaded = { ...files, 'backend/loader.js': ['module.exports = (name) => require(`./services/${name}`);', ''].join('\n') };
  assert.deepEqual(thirdParty(project(loaded)), ['backend/services/legacySmsService.js:5', 'backend/services/notificationService.js:5']);
});

// The same question for a log line and an error message (phi-in-log, phi-in-error), asked only of
// a file named as a backup copy: one that nothing requires never runs; the live module keeps its findings.
const logsAndErrors = (cwd) => [...findingLines(cwd, 'phi-in-log'), ...findingLines(cwd, 'phi-in-error')].sort();
const prescriptionService = [
  'exports.dispense = async (patient) => {',
  '  console.log(`Dispensing for ${patient.firstName} ${patient.lastName}, diagnosis ${patient.diagnosis}`);',
  '  if (!patient.ssn) throw new Error(`No SSN on file for ${patient.firstName} ${patient.lastName}`);',
  '};',
  '',
].join('\n');
const withBackup = {
  'backend/services/prescriptionService.js': prescriptionService,
  'backend/services/prescriptionService_fixed.js': prescriptionService,
  'backend/controllers/prescriptionController.js': [
    "const prescriptions = require('../services/prescriptionService');",
    'exports.dispense = async (req, res) => res.json(await prescriptions.dispense(req.body.patient));',
    '',
  ].join('\n'),
  'backend/server.js': ["const express = require('express');", "const prescriptions = require('./controllers/prescriptionController');", 'const app = express();', "app.post('/dispense', prescriptions.dispense);", 'app.listen(3000);', ''].join('\n'),
};

test('a backup copy nothing requires logs and throws nothing: its phi-in-log and phi-in-error are not reported; the live one is', () => {
  assert.deepEqual(logsAndErrors(project(withBackup)), ['backend/services/prescriptionService.js:2', 'backend/services/prescriptionService.js:3']);
});

test('a module nothing requires that is not named as a copy keeps its log and error findings (its importer may be a view the imports miss)', () => {
  const unnamed = { ...withBackup, 'backend/services/prescriptionService_fixed.js': undefined, 'backend/services/legacyPrescriptions.js': prescriptionService };
  delete unnamed['backend/services/prescriptionService_fixed.js'];
  assert.deepEqual(logsAndErrors(project(unnamed)), ['backend/services/legacyPrescriptions.js:2', 'backend/services/legacyPrescriptions.js:3', 'backend/services/prescriptionService.js:2', 'backend/services/prescriptionService.js:3']);
});

test('a computed load under another folder leaves the question standing; one that may reach the module keeps its findings', () => {
  const elsewhere = { ...withBackup, 'backend/loader.js': ['module.exports = (name) => require(`./models/${name}`);', ''].join('\n') };
  assert.deepEqual(logsAndErrors(project(elsewhere)), ['backend/services/prescriptionService.js:2', 'backend/services/prescriptionService.js:3']);
  const reaching = { ...withBackup, 'backend/loader.js': ["module.exports = (name) => require('./services/' + name);", ''].join('\n') };
  assert.deepEqual(logsAndErrors(project(reaching)), ['backend/services/prescriptionService.js:2', 'backend/services/prescriptionService.js:3', 'backend/services/prescriptionService_fixed.js:2', 'backend/services/prescriptionService_fixed.js:3']);
  const anywhere = { ...withBackup, 'backend/loader.js': ['module.exports = (name) => require(name);', ''].join('\n') };
  assert.deepEqual(logsAndErrors(project(anywhere)).length, 4);
});
