function f(patient) {
  console.log('Patient found', { patientId: patient.id });
}
