export async function updatePatientMedicalInfo(patientId: string, patientHistory: string, familyHistory: string[]) {
  console.log('history:', patientHistory); // expect: phi-in-log
  console.log('family:', familyHistory); // expect: phi-in-log
  console.log('patient', patientId, 'history entries', familyHistory.length);
}

export function recordExam(encounterId: string, examFindings: string, historyLength: number, patientHistoryCount: number) {
  console.log('findings:', examFindings); // expect: phi-in-log
  console.log('encounter', encounterId, historyLength, patientHistoryCount);
}
