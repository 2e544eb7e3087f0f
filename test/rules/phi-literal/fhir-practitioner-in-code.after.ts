// A Practitioner or an Organization is a provider, not a patient: its name, phone and address
// are the directory's. The same fields in a Patient or a RelatedPerson are the patient's.
import type { Coverage, Organization, Practitioner, RelatedPerson } from 'fhir/r4';

export const renderingProvider: Practitioner = {
  resourceType: 'Practitioner',
  name: [{ given: ['Nina'], family: 'Nguyen' }],
  telecom: [{ system: 'phone', value: '(617) 867-2368' }],
  birthDate: '1971-09-14',
};

export const billingProvider: Organization = {
  resourceType: 'Organization',
  name: 'Harbor Dermatology Associates',
  address: [{ line: ['48 Harbor Road'], postalCode: '02139' }],
};

export const subscriber: RelatedPerson = {
  resourceType: 'RelatedPerson',
  name: [{ given: ['Nina'], family: 'Doe456' }],
  birthDate: '1970-01-01',
  patient: { reference: 'Patient/p1' },
};

export const coverage: Coverage = { resourceType: 'Coverage', subscriberId: 'W000000000' };
