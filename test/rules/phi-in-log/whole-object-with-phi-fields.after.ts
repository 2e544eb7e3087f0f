// An object logged whole carries the fields the function reads off it: a drug name, a prescription.
// Objects whose fields read here are ids, statuses, counts or a provider's contact stay quiet, and
// a template shows `[object Object]`, not the fields.
import { logger } from './logger';

interface DrugAlert { patientId: string; drugName: string; severity: string }

export async function createPatientAlert(alert: DrugAlert) {
  try {
    await save([alert.patientId, alert.drugName, alert.severity]);
  } catch (error) {
    logger.error('Error creating patient drug alert', { error, alert }); // expect: phi-in-log
    throw error;
  }
}

export function handlePharmacyUpdate(eventType: string, eventData: any) {
  console.log('Handling pharmacy update:', eventType, eventData); // expect: phi-in-log
  return eventData.medication || eventData.prescription;
}

export function quiet(job: { id: string; status: string; attempts: number }, provider: { email: string; id: string }, note: { patient: { dob: string } }) {
  console.log('job', job, job.status, job.attempts);
  logger.info('provider', { provider, providerId: provider.id });
  console.log(JSON.stringify(provider), provider.email);
  console.log(`note ${note}`, note.patient.dob.length);
}

interface ConnectEvent { Details: { ContactData: { ContactId: string; CustomerEndpoint: { Address: string } } } }

export function inboundCall(event: unknown) {
  console.log('Inbound call event:', JSON.stringify(event, null, 2)); // expect: phi-in-log
  const connectEvent = event as ConnectEvent;
  const contactData = connectEvent.Details.ContactData;
  return { callId: contactData.ContactId, caller: contactData.CustomerEndpoint.Address };
}

export function queuedJob(message: unknown) {
  console.log('Queued job:', JSON.stringify(message));
  const job = message as { jobId: string; attempts: number };
  return [job.jobId, job.attempts];
}

declare function save(values: unknown[]): Promise<void>;
