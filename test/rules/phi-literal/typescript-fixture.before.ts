// Fixture data for the patient service.
export const patient = {
  firstName: 'Maria', // expect: phi-literal
  lastName: 'Gonzalez', // expect: phi-literal
  ssn: '471283390', // expect: phi-literal
  birthDate: '04/17/1961', // expect: phi-literal
  email: 'maria.gonzalez@gmail.com', // expect: phi-literal
  address: { line: '12 Elm Road', postalCode: '02139' }, // expect: phi-literal
  memberId: 'W123987654', // expect: phi-literal
  createdAt: '2024-03-01T10:00:00Z',
};

export const mockPatient = { firstName: 'Maria', ssn: '471-28-3390' };
export const clinic = { name: 'Northside Clinic', phone: '617-867-2368', address: '1 Main Street' };
export const settings = { supportEmail: 'help@northside-clinic.org', adminEmail: 'ops@clinic.org' };
export const order = { orderNumber: '471-28-3391', trackingNumber: '1Z999AA10123456784' };
createPatient({ name: 'Maria Gonzalez', ssn: '471-28-3390' }); // expect: phi-literal
