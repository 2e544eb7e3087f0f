// What follows `without` is absent: `createdWithoutEmail` is a flag, not an e-mail. The name is what
// comes before it, so a patient without a phone is still the patient.
export async function setup(customer: StripeCustomer, patientWithoutPhone: Patient) {
  const createdWithoutEmail = !customer.email;
  console.log('Response:', { clientSecret: 'x', createdWithoutEmail });
  console.log('To call:', patientWithoutPhone);  // expect: phi-in-log
}
