// The patient summary card of the clinic's web front end (React).

import { useEffect, useState } from 'react';

interface Patient {
  id: string;
  name: string;
  dob: string;
  allergies: string[];
}

async function loadPatient(patientId: string): Promise<Patient> {
  const response = await fetch(`/api/patients/${encodeURIComponent(patientId)}`);
  if (!response.ok) {
    throw new Error(`Loading the patient failed with status ${response.status}`);
  }
  const patient = (await response.json()) as Patient;
  console.log('PatientCard loaded', patient);
  return patient;
}

export function PatientCard({ patientId }: { patientId: string }) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadPatient(patientId)
      .then((loaded) => {
        if (!cancelled) setPatient(loaded);
      })
      .catch(() => {
        console.warn('PatientCard could not load a patient', { patientId });
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [patientId]);

  if (failed) return <p role="alert">Could not load this patient.</p>;
  if (!patient) return <p>Loading…</p>;

  return (
    <section className="patient-card" aria-label="Patient summary">
      <h2>{patient.name}</h2>
      <dl>
        <dt>Date of birth</dt>
        <dd>{patient.dob}</dd>
        <dt>Allergies</dt>
        <dd>{patient.allergies.length > 0 ? patient.allergies.join(', ') : 'None recorded'}</dd>
      </dl>
    </section>
  );
}
