// A FHIR definition built in code is a catalogue entry, the same for every patient: a lab test's
// ActivityDefinition with its CPT codes and indication is reference data, logged whole or not. A
// patient's order built the same way (a ServiceRequest with their diagnosis) is still reported.
import type { ActivityDefinition, ServiceRequest } from 'fhir/r4b';

interface CptCodeDefinition {
  code: string;
  display?: string;
}

interface TestConfig {
  name: string;
  cptCode: CptCodeDefinition[];
  /** The diagnosis the test is indicated for. */
  diagnosis: string;
}

export function toActivityDefinition(entry: TestConfig, notes: string): ActivityDefinition {
  const activityDef: ActivityDefinition = {
    resourceType: 'ActivityDefinition',
    status: 'active',
    name: entry.name,
    code: { coding: entry.cptCode.map((cptCode: CptCodeDefinition) => ({ system: 'http://www.ama-assn.org/go/cpt', code: cptCode.code })) },
    usage: notes,
    topic: [{ text: entry.diagnosis }],
  };
  console.log('ActivityDefinition: ', JSON.stringify(activityDef, undefined, 2));
  return activityDef;
}

export function saveDefinition(entry: TestConfig, notes: string): void {
  const draft = toActivityDefinition(entry, notes);
  const finalDefinition: ActivityDefinition = { ...draft, version: '1.0.1' };
  console.log('This is the new activityDef config: ', JSON.stringify(finalDefinition));
}

export function orderTest(patientId: string, diagnosis: string, cptCode: string): ServiceRequest {
  const request: ServiceRequest = {
    resourceType: 'ServiceRequest',
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    code: { coding: [{ code: cptCode }] },
    reasonCode: [{ text: diagnosis }],
  };
  console.log('ServiceRequest: ', JSON.stringify(request));  // expect: phi-in-log
  return request;
}
