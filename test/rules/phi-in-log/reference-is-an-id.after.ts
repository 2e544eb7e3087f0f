// A FHIR reference (`subject.reference`: "Patient/123") is an id, like `ref`; the record's other fields stay PHI.
export function matchReport(diagnosticReports: DiagnosticReport[]) {
  const diagnosticReportResource = diagnosticReports[0];
  const subjectRef = diagnosticReportResource.subject?.reference?.replace('#', '');
  console.log('report subject', subjectRef);
  console.log('report');
}

export function linkCoverages(insuranceRefs: string[], insurance: Coverage[]) {
  console.log('coverage references', insuranceRefs);
  console.log('coverages');
}
