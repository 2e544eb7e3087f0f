// In a module about lab orders and results, an account number is the ordering location's client
// account with the laboratory, not a patient's. A patient's account number is still reported there.
interface Identifier {
  system?: string;
  value?: string;
}

interface DiagnosticReport {
  id?: string;
  identifier?: Identifier[];
}

const LAB_ACCOUNT_NUMBER_SYSTEM = 'https://example.org/lab-transmission-account-number';

export const getAccountNumberFromDr = (diagnosticReport: DiagnosticReport): string | undefined => {
  const accountNumber = diagnosticReport.identifier?.find((id) => id.system === LAB_ACCOUNT_NUMBER_SYSTEM)?.value;
  console.log(`Account number from DiagnosticReport/${diagnosticReport.id} is '${accountNumber}'`);
  return accountNumber;
};

export function logPatientAccount(patient: Patient): void {
  console.log(`Patient account number is '${patient.accountNumber}'`);  // expect: phi-in-log
}
