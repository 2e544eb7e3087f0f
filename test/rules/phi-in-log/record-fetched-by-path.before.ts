// A record fetched over HTTP by its REST path: the body of `GET /Patient/{id}` (FHIR) or
// `/api/patients/{id}` is the patient's record. The response object, its status, and the body
// of a path that names no record (a count, a settings page) are not.
const FHIR_BASE_URL = process.env.FHIR_BASE_URL;

export async function updatePatientStatus(patientId: string, active: boolean): Promise<void> {
  try {
    const response = await fetch(`${FHIR_BASE_URL}/Patient/${patientId}`, { method: 'PATCH', body: JSON.stringify([{ op: 'replace', path: '/active', value: active }]) });
    console.log('Response status:', response.status, response.ok);
    if (!response.ok) {
      // A failed request's body is the server's error (an OperationOutcome), not the patient.
      const error = await response.json();
      console.error('Error response:', error);
      throw new Error(error.issue?.[0]?.details?.text || 'Failed to update patient');
    }
    const result = await response.json();
    console.log('Updated patient:', result);  // expect: phi-in-log
  } catch (error) {
    console.error('Error updating patient status:', error);
    throw error;
  }
}

export async function loadEncounter(id: string): Promise<void> {
  const res = await axios.get(`/api/encounters/${id}`);
  console.log('Encounter:', res.data);  // expect: phi-in-log
}

export async function countPatients(): Promise<void> {
  const response = await fetch(`${FHIR_BASE_URL}/Patient/$count`);
  const total = await response.json();
  console.log('Patients:', total);
  const settings = await (await fetch(`/api/settings/${'clinic'}`)).json();
  console.log('Settings:', settings);
}
