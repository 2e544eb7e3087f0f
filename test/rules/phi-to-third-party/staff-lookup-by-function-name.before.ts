// A row a module's own lookup named for a member of staff returns (`getClinicianApplication`) is
// that staff member's, down to the parts of the same person (`identity`, `profile`): their
// e-mail and name sent to the mailer are not a patient's. A lookup that names more than staff
// (`getProviderPatient`) or a patient's row keeps the call reported.
import twilio from 'twilio';

const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);

export async function notifyApprovedClinician(db, appId: string) {
  const application = await getClinicianApplication(db, appId);
  await client.messages.create({ to: application.identity.phone, body: `Hello ${application.identity.fullName}, your application was approved.` });
}

export async function notifyPatientOfProvider(db, providerId: string) {
  const patient = await getProviderPatient(db, providerId);
  await client.messages.create({ to: patient.identity.phone, body: 'Your provider has a new opening.' });  // expect: phi-to-third-party
}

export async function notifyPatientProfile(db, id: string) {
  const profile = await getPatientProfile(db, id);
  await client.messages.create({ to: profile.contact.phone, body: 'Your visit is confirmed.' });  // expect: phi-to-third-party
}

async function getClinicianApplication(db, id: string) {
  return db.clinicianApplications.get(id);
}

async function getProviderPatient(db, id: string) {
  return db.patients.get(id);
}

async function getPatientProfile(db, id: string) {
  return db.patientProfiles.get(id);
}
