// A variable holding the record's own key is an id, whatever it is called; one holding the
// record's number, or what an unknown helper returned, keeps its name as evidence.
import { lookupChartNumber } from './charts';

export async function registerWithBilling(patient: { id: string; mrn: string }) {
  const medicalRecordNumber = patient.id;
  if (!medicalRecordNumber) throw new Error(`Cannot register patient with MRN ${medicalRecordNumber}`);
  const mrn = patient.mrn;
  if (!mrn.startsWith('H')) throw new Error(`Unexpected MRN (patientId=${patient.id})`);
  const chartMrn = await lookupChartNumber(patient);
  if (!chartMrn) throw new Error(`No chart for MRN (patientId=${patient.id})`);
}
