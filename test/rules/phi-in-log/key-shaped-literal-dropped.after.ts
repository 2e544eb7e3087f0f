function f(patient) {
  console.log('calling with for', { patientId: patient.id });
}
