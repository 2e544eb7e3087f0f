// Data access for the Node back end (in memory for the demo).

export interface Patient {
  id: string;
  name: string;
  dob: string;
  mrn: string;
  allergies: string[];
}

export interface Appointment {
  id: string;
  patientId: string;
  startsAt: string;
  reason: string;
}

const patients = new Map<string, Patient>();
const appointments: Appointment[] = [];

export async function findPatient(id: string): Promise<Patient | undefined> {
  return patients.get(id);
}

export async function listAppointments(patientId: string): Promise<Appointment[]> {
  return appointments.filter((appointment) => appointment.patientId === patientId);
}
