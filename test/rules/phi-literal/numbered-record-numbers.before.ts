interface Patient { id: string; name: string; age: number; mrn: string; admissionDate: string }

// Demo patients numbered one after another by their author: made up as a whole.
const samplePatient: Patient = { id: '1', name: 'Sarah Johnson', age: 45, mrn: 'MRN-2024-001234', admissionDate: '2024-01-15' };
const criticalPatient: Patient = { id: '2', name: 'Robert Davis', age: 67, mrn: 'MRN-2024-001235', admissionDate: '2024-01-20' };
const stablePatient: Patient = { id: '3', name: 'Maria Garcia', age: 38, mrn: 'MRN-2024-001236', admissionDate: '2024-01-22' };

// Ids count up, record numbers do not: real-looking.
const firstImported: Patient = { id: '4', name: 'Oluwaseun Adeyemi', age: 51, mrn: 'MRN-2024-773041', admissionDate: '2024-02-03' }; // expect: phi-literal
const secondImported: Patient = { id: '5', name: 'Grazyna Kowalczyk', age: 62, mrn: 'MRN-2024-229174', admissionDate: '2024-02-04' }; // expect: phi-literal
const thirdImported: Patient = { id: '6', name: 'Rafael Quintero', age: 29, mrn: 'MRN-2024-510889', admissionDate: '2024-02-05' }; // expect: phi-literal

export const patients = [samplePatient, criticalPatient, stablePatient, firstImported, secondImported, thirdImported];
