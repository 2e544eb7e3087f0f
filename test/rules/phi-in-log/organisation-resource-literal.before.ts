// A FHIR resource about the organisation (a Location, a provider's Schedule) holds the
// organisation's details, whatever words its parts are read by: quiet. The same form's values put
// into a Patient resource are a patient's and stay reported.
export function buildLocation(form: { name: string; city: string; postalCode: string; phone: string }, ownerId: string) {
  const location = {
    resourceType: 'Location',
    name: form.name,
    address: { city: form.city, postalCode: form.postalCode },
    telecom: [{ system: 'phone', value: form.phone }],
  };
  console.log('location to write:', JSON.stringify(location, null, 2));
  const schedule = { resourceType: 'Schedule', actor: [{ reference: `Location/${ownerId}` }], comment: `Front desk ${form.phone}` };
  console.log('schedule to write:', JSON.stringify(schedule));
  const patient = {
    resourceType: 'Patient',
    address: [{ city: form.city, postalCode: form.postalCode }],
    telecom: [{ system: 'phone', value: form.phone }],
  };
  console.log('patient to write:', JSON.stringify(patient, null, 2));  // expect: phi-in-log
  return location;
}
