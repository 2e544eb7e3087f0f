export async function updatePatientMedicalInfo(patientId: string, patientHistory: string, familyHistory: string[]) {
  console.log('history:', { patientId: patientId });
  console.log('family:', { patientId: patientId });
  console.log('patient', patientId, 'history entries', familyHistory.length);
}

export function recordExam(encounterId: string, examFindings: string, historyLength: number, patientHistoryCount: number) {
  console.log('findings:');
  console.log('encounter', encounterId, historyLength, patientHistoryCount);
}
