// A tally object's fields are numbers of the element, not the element; a patient's are values.
export function summarise(counts: { diagnoses: number }, stats: { medications: number }, patient: { id: string; diagnoses: string[] }) {
  console.log('diagnoses', counts.diagnoses, 'medications', stats.medications);
  console.log('diagnoses of', patient.diagnoses); // expect: phi-in-log
}
