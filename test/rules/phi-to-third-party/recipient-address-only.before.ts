// A text or an e-mail whose only PHI is where it is delivered: the number or the address, with a
// body of fixed words, a code or a link. Quiet; a body about someone's care, or with their name, is reported.
import twilio from 'twilio';
import sgMail from '@sendgrid/mail';

const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);

export async function sendVerificationSms(patientPhone: string, clinicName: string, code: string) {
  const message = `${clinicName}: your verification code is ${code}. It expires in 10 minutes.`;
  return client.messages.create({ body: message, from: process.env.TWILIO_FROM, to: patientPhone });
}

export async function requestCode(invitation) {
  await sendVerificationSms(invitation.patientPhone, 'Clinic', '123456');
}

export async function sendSignupLink(patient, link: string) {
  await sgMail.send({ to: patient.email, from: 'no-reply@clinic.example', subject: 'Finish signing up', text: `Open ${link} to finish.` });
}

export async function confirmVisit(patient) {
  await client.messages.create({ to: patient.phone, body: 'Your visit is confirmed.' });  // expect: phi-to-third-party
}

export async function greet(patient) {
  const message = `Hello ${patient.firstName}, welcome.`;
  await client.messages.create({ to: patient.phone, body: message });  // expect: phi-to-third-party
}

export async function namedRecipient(patient) {
  await sgMail.send({ to: { email: patient.email, name: patient.fullName }, from: 'no-reply@clinic.example', subject: 'Hello', text: 'Welcome.' });  // expect: phi-to-third-party
}

// A helper given the body writes none of it: what its callers send is unseen here, so it stays reported.
export async function sendViaTwilio(phoneNumber: string, message: string) {
  return client.messages.create({ body: message, from: process.env.TWILIO_FROM, to: phoneNumber });  // expect: phi-to-third-party
}
