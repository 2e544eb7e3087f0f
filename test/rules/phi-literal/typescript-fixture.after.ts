// Fixture data for the patient service.
export const patient = {
  firstName: 'Jane123',
  lastName: 'Doe456',
  ssn: '987654320',
  birthDate: '01/01/1970',
  email: 'patient@example.org',
  address: { line: '123 Example Street', postalCode: '00000' },
  memberId: 'W000000000',
  createdAt: '2024-03-01T10:00:00Z',
};

export const mockPatient = { firstName: 'Maria', ssn: '471-28-3390' };
export const clinic = { name: 'Northside Clinic', phone: '617-867-2368', address: '1 Main Street' };
export const settings = { supportEmail: 'help@northside-clinic.org', adminEmail: 'ops@clinic.org' };
export const order = { orderNumber: '471-28-3391', trackingNumber: '1Z999AA10123456784' };
createPatient({ name: 'Jane123 Doe456', ssn: '987-65-4320' });
