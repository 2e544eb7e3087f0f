// Rows that label the patient "Anonymous" show no one: made up or anonymised as a whole.
export const archiveCases = [
  { id: '1', mrn: 'MRN-2024-8842', patient: 'Anonymous P-24', status: 'Inbound' },
  { id: '2', mrn: 'MRN-2024-1102', patient: 'Anonymous P-02', status: 'Archived' },
];

// The same rows with a name: real-looking.
export const namedCases = [
  { id: '3', mrn: 'MRN-0000-0000', patient: 'Bartholomew Okonkwo', status: 'Coding' },
];
