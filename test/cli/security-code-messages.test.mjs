// A call to a messaging helper named for an account-security message (a one-time code, a
// verification, a password reset), given only the person's phone number, is not a disclosure
// (analysis/sinks/security-code-messages.ts). A helper whose name also speaks of care, or a call
// that passes other PHI (the name for the greeting), stays reported.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const sms = [
  "import twilio from 'twilio';",
  'const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);',
  'export async function sendText(to: string, body: string) {',
  '  return client.messages.create({ to, from: process.env.TWILIO_FROM, body });',
  '}',
  'export async function sendVerificationSms(to: string, code: string) {',
  '  return sendText(to, `Your code is ${code}`);',
  '}',
  'export async function sendAppointmentCode(to: string, code: string) {',
  '  return sendText(to, `Code for your appointment: ${code}`);',
  '}',
  'export async function sendOtpWithName(to: string, name: string, code: string) {',
  '  return sendText(to, `Hi ${name}, your code is ${code}`);',
  '}',
  '',
].join('\n');

const route = [
  "import { sendAppointmentCode, sendOtpWithName, sendVerificationSms } from '../lib/sms';", // 1
  'export async function requestOtp(patient: { phone: string; firstName: string }) {', // 2
  "  await sendVerificationSms(patient.phone, '123456');", // 3
  "  await sendAppointmentCode(patient.phone, '123456');", // 4
  "  await sendOtpWithName(patient.phone, patient.firstName, '123456');", // 5
  '}', // 6
  '',
].join('\n');

test('a verification code texted to the patient\'s number is quiet; a care-named helper or a name in the call is reported', () => {
  const cwd = tempProject('security-code-messages', { 'src/lib/sms.ts': sms, 'src/services/otp.ts': route });
  assert.deepEqual(findingLines(cwd, 'phi-to-third-party'), ['src/services/otp.ts:4', 'src/services/otp.ts:5']);
});
