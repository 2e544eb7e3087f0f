function f(patient) {
  console.log('Patient found: ' + patient.name + ', DOB: ' + patient.dob);  // expect: phi-in-log
}
