// Outside a module about labs, an account number read the same way is a patient's account: reported.
interface Identifier {
  system?: string;
  value?: string;
}

interface DiagnosticReport {
  id?: string;
  identifier?: Identifier[];
}

const ACCOUNT_NUMBER_SYSTEM = 'https://example.org/account-number';

export const getAccountNumberFromDr = (diagnosticReport: DiagnosticReport): string | undefined => {
  const accountNumber = diagnosticReport.identifier?.find((id) => id.system === ACCOUNT_NUMBER_SYSTEM)?.value;
  console.log(`Account number from DiagnosticReport/${diagnosticReport.id} is '${accountNumber}'`);  // expect: phi-in-log
  return accountNumber;
};
