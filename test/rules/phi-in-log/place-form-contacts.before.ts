// The values of a place or an organisation being entered (a new location's form, a facility's
// data) hold the place's contact details, not a person's: quiet. The same fields of a patient's or
// a contact's form are reported.
export async function saveLocation(locationForm, facilityData, patientForm, contactForm) {
  const payload = {
    name: locationForm.name,
    address: { city: locationForm.city, postalCode: locationForm.postalCode },
    phone: locationForm.phone || undefined,
    email: locationForm.email || undefined,
  };
  console.log('Creating location', payload);
  console.log('Facility contact', facilityData.phone, facilityData.email);
  console.log('Creating patient', { phone: patientForm.phone, email: patientForm.email });  // expect: phi-in-log
  console.log('Contact', { email: contactForm.email });  // expect: phi-in-log
}
