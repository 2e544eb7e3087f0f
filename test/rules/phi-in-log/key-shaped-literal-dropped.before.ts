function f(patient) {
  console.log('calling with sk-proj-Hq2mZ9xK4vL1nB8cR5tY3wE6uI0oP2aS4dF7gH9jK1lZ3xQ for ' + patient.name);  // expect: phi-in-log
}
