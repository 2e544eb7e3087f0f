type Patient = { id: string; name: string; dob: string };

export function PatientCard({ patient }: { patient: Patient }) {
  console.log(patient);
  console.info('Rendering card for ' + patient.name);
  return <div className="patient-card">{patient.id}</div>;
}
