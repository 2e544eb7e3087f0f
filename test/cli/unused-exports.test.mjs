// An exported send helper nothing takes by name, that its own module's live code never reaches,
// never runs (analysis/modules/unused-exports.ts): its phi-to-third-party and phi-to-ai findings
// are not reported. Taken by name anywhere (a React view included), reached from a taken export,
// or in a module whose importers may take any name, the finding stays.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const project = (files) => tempProject('unused-exports', files);
const sends = (cwd) => [...findingLines(cwd, 'phi-to-third-party'), ...findingLines(cwd, 'phi-to-ai')].sort();

const emailService = [
  "import sgMail from '@sendgrid/mail';", // 1
  '', // 2
  'export async function sendEmail(to: string, subject: string, html: string) {', // 3
  '  return sgMail.send({ to, from: process.env.MAIL_FROM, subject, html });', // 4
  '}', // 5
  '', // 6
  'export async function sendOtpEmail(to: string, code: string) {', // 7
  '  return sendEmail(to, "Your code", `Code: ${code}`);', // 8
  '}', // 9
  '', // 10
  'export async function sendLabResults(patient: { email: string; firstName: string; diagnosis: string }) {', // 11
  '  return sgMail.send({ to: patient.email, from: process.env.MAIL_FROM, subject: "Results", text: `Dear ${patient.firstName}, diagnosis: ${patient.diagnosis}` });', // 12
  '}', // 13
  '', // 14
  'export const sendAppointmentReminder = async (patient: { email: string; firstName: string; diagnosis: string }) => {', // 15
  '  return sgMail.send({ to: patient.email, from: process.env.MAIL_FROM, subject: "Reminder", text: `Hi ${patient.firstName}, about your ${patient.diagnosis}` });', // 16
  '};', // 17
  '', // 18
  'export class EmailService {', // 19
  '  async labResults(patient: { email: string; firstName: string; diagnosis: string }) {', // 20
  '    return sendLabResults(patient);', // 21
  '  }', // 22
  '}', // 23
  '', // 24
  'export const emailService = new EmailService();', // 25
  'export default emailService;', // 26
  '', // 27
  'export async function sendWelcome(patient: { email: string; firstName: string; diagnosis: string }) {', // 28
  '  return sendEmail(patient.email, "Welcome", `Welcome ${patient.firstName}, we will treat your ${patient.diagnosis}`);', // 29
  '}', // 30
  '',
].join('\n');

const authService = [
  "import { sendOtpEmail } from './emailService';",
  '// import { emailService } from "./emailService";',
  'export async function requestOtp(email: string) {',
  '  await sendOtpEmail(email, String(Math.floor(Math.random() * 1e6)));',
  '}',
  '',
].join('\n');

const files = {
  'backend/src/services/emailService.ts': emailService,
  'backend/src/services/authService.ts': authService,
  'backend/src/routes/auth.ts': ["import { requestOtp } from '../services/authService';", 'export const otp = (req: any) => requestOtp(req.body.email);', ''].join('\n'),
};

test('exported helpers nothing takes, reached only from an instance nothing takes, send nothing: not reported', () => {
  assert.deepEqual(sends(project(files)), []);
  // A module named like an object's own property (`constructor`) is a stem like any other.
  const oddStem = { ...files, 'backend/src/lib/shapes.ts': ["import { make } from 'shapes/constructor';", 'export const shape = make;', ''].join('\n') };
  assert.deepEqual(sends(project(oddStem)), []);
});

test("a class's method nothing reaches keeps its finding (what calls methods may go beyond the imports)", () => {
  const method = emailService.replace('    return sendLabResults(patient);', '    return sgMail.send({ to: patient.email, from: "x@y.z", text: `${patient.firstName}: ${patient.diagnosis}` });');
  assert.deepEqual(sends(project({ ...files, 'backend/src/services/emailService.ts': method })), ['backend/src/services/emailService.ts:21']);
});

test('a call to a sending helper made in a helper nothing takes is not reported; taken, it is', () => {
  const taken = { ...files, 'backend/src/jobs/welcome.ts': ["import { sendWelcome } from '../services/emailService';", 'export const run = (p: any) => sendWelcome(p);', ''].join('\n') };
  assert.deepEqual(sends(project(taken)), ['backend/src/services/emailService.ts:29']);
});

test('a helper taken by name, or reached from what an importer takes, is reported', () => {
  const taken = { ...files, 'backend/src/jobs/reminders.ts': ["import { sendAppointmentReminder } from '../services/emailService';", 'export const run = (p: any) => sendAppointmentReminder(p);', ''].join('\n') };
  assert.deepEqual(sends(project(taken)), ['backend/src/services/emailService.ts:16']);
  const instance = { ...files, 'backend/src/jobs/labs.ts': ["import emailService from '../services/emailService';", 'export const run = (p: any) => emailService.labResults(p);', ''].join('\n') };
  assert.deepEqual(sends(project(instance)), ['backend/src/services/emailService.ts:12']);
});

test('a React view taking the helper keeps it live (views are read for their imports)', () => {
  const view = { ...files, 'web/src/components/Results.tsx': ["import { sendLabResults } from '../../../backend/src/services/emailService';", 'export const Results = (p: any) => <button onClick={() => sendLabResults(p)}>Send</button>;', ''].join('\n') };
  assert.deepEqual(sends(project(view)), ['backend/src/services/emailService.ts:12']);
});

test('a workspace importing views it does not read (.vue) keeps every finding: their imports are unknown', () => {
  const vue = { ...files, 'web/src/main.ts': ["import App from './App.vue';", 'export const app = App;', ''].join('\n') };
  assert.deepEqual(sends(project(vue)), ['backend/src/services/emailService.ts:12', 'backend/src/services/emailService.ts:16', 'backend/src/services/emailService.ts:29']);
});

test('an importer that may take any name (a namespace handed around, a re-export of everything) keeps every finding', () => {
  const namespace = { ...files, 'backend/src/jobs/all.ts': ["import * as mail from '../services/emailService';", 'export const services = [mail];', ''].join('\n') };
  const all = ['backend/src/services/emailService.ts:12', 'backend/src/services/emailService.ts:16', 'backend/src/services/emailService.ts:29'];
  assert.deepEqual(sends(project(namespace)), all);
  const barrel = { ...files, 'backend/src/services/all.ts': ["export * from './emailService';", ''].join('\n') };
  assert.deepEqual(sends(project(barrel)), all);
  const members = { ...files, 'backend/src/jobs/labs.js': ["const mail = require('../services/emailService');", 'exports.run = (p) => mail.sendAppointmentReminder(p);', ''].join('\n') };
  assert.deepEqual(sends(project(members)), ['backend/src/services/emailService.ts:16']);
});

// The default export an instance whose class gathers the helpers under other names: an importer
// reading only `whatsapp.sendMessage` off it reaches only the helper that member holds.
const whatsappService = [
  "import twilio from 'twilio';", // 1
  'const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);', // 2
  'export const sendWhatsApp = async (to: string, body: string) => client.messages.create({ to, from: process.env.WA_FROM, body });', // 3
  'export const sendLabResultsWhatsApp = async (patient: { phone: string; firstName: string; diagnosis: string }) => {', // 4
  '  return client.messages.create({ to: patient.phone, from: process.env.WA_FROM, body: `${patient.firstName}: ${patient.diagnosis}` });', // 5
  '};', // 6
  'export class WhatsAppService {', // 7
  '  sendMessage = sendWhatsApp;', // 8
  '  sendLabResults = sendLabResultsWhatsApp;', // 9
  '}', // 10
  'export const whatsAppService = new WhatsAppService();', // 11
  'export default whatsAppService;', // 12
  '',
].join('\n');
const bot = (member) => ["import whatsapp from './whatsappService';", `export const reply = (p: any) => whatsapp.${member}(p);`, ''].join('\n');

test('members read off a default instance reach only the helpers they hold (and members called by name anywhere); the instance used whole reaches all', () => {
  const files = (botText) => ({ 'src/services/whatsappService.ts': whatsappService, 'src/services/bot.ts': botText });
  assert.deepEqual(sends(project(files(bot('sendMessage')))), []);
  assert.deepEqual(sends(project(files(bot('sendLabResults')))), ['src/services/whatsappService.ts:5']);
  // A member some module calls by that name, on whatever value, may be this one.
  const elsewhere = { ...files(bot('sendMessage')), 'src/jobs/labs.ts': ['export const run = (channel: any, p: any) => channel.sendLabResults(p);', ''].join('\n') };
  assert.deepEqual(sends(project(elsewhere)), ['src/services/whatsappService.ts:5']);
  const whole = ["import whatsapp from './whatsappService';", 'export const services = { whatsapp };', ''].join('\n');
  assert.deepEqual(sends(project(files(whole))), ['src/services/whatsappService.ts:5']);
});
