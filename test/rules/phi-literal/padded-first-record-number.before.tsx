// A unit test's mocked response: the only row's record number is its id padded to the field's
// width (`00123`), typed like `001234` for a first record. Quiet.
const worklist = {
  rows: [{ prescription_id: 882, pid: 123, patient_label: 'Akua M.', mrn: '00123', drug_name: 'Amoxicillin 500 mg' }],
};

// An issued number, padded but not counting from one: reported.
const admitted = {
  rows: [{ prescription_id: 883, pid: 124, patient_label: 'Kofi A.', mrn: '00917' }], // expect: phi-literal
};

export { worklist, admitted };
