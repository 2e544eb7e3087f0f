interface Operation { id: string; patientName: string; patientMrn: string; procedureName: string; operatingRoom: string }

// Rows typed for a schedule page: each record number is padding then digits counting up
// (`002345`, `003456`), the way `001234` is typed for the first row. Made up as a whole.
export const operations: Operation[] = [
  { id: '2', patientName: 'Johnson, Sarah', patientMrn: 'MRN-002345', procedureName: 'Hip Replacement', operatingRoom: 'OR-2' },
  { id: '3', patientName: 'Brown, Michael', patientMrn: 'MRN-003456', procedureName: 'Cardiac Catheterization', operatingRoom: 'Cath Lab' },
  { id: '4', patientName: 'Davis, Emily', patientMrn: 'MRN-004567', procedureName: 'Cholecystectomy', operatingRoom: 'OR-3' },
];

// Padded, but the digits do not count up: issued numbers, reported.
export const admitted: Operation[] = [
  { id: '5', patientName: 'Jane123 Doe456', patientMrn: 'MRN-000000', procedureName: 'Hip Replacement', operatingRoom: 'OR-1' },
  { id: '6', patientName: 'Jane123 Doe456', patientMrn: 'MRN-00000000', procedureName: 'Appendectomy', operatingRoom: 'OR-4' },
];
