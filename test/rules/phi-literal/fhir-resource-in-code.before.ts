// A FHIR resource written in code is one record with its lists, as in a data file.
import type { Coverage, Patient } from 'fhir/r4';

export const placeholderPatient: Patient = {
  resourceType: 'Patient',
  name: [{ family: 'Doe', given: ['Jane'] }],
  birthDate: '2008-06-07',
  identifier: [{ type: { coding: [{ code: 'MB' }] }, value: 'W123987654' }],
};

export const patients: Patient[] = [
  { resourceType: 'Patient', name: [{ family: 'Gonzalez', given: ['Maria'] }], birthDate: '1961-04-17' }, // expect: phi-literal
  { resourceType: 'Patient', name: [{ family: 'Roe', given: ['Richard'] }], birthDate: '1970-02-03' },
];

export const coverage: Coverage = { resourceType: 'Coverage', subscriberId: '999000111', memberId: '123123' } as Coverage;
export const realCoverage = { resourceType: 'Coverage', subscriberId: 'W408851772' }; // expect: phi-literal
