type Visit = { id: string; reason: string };
type Patient = { id: string; name: string; dob: string };

export function VisitSummary({ patient, visit }: { patient: Patient; visit: Visit }) {
  console.log('Visit ' + visit.id + ' for ' + patient.name + ' born ' + patient.dob);
  return <section className="visit">{visit.id}</section>;
}
