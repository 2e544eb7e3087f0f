interface Encounter { id: string; findingsText?: string; investigationsText?: string }

export function updateEncounter(id: string, data: Partial<Encounter>, lintReport: { findings: string[] }) {
  console.log('Saving findings:', { patientId: data.id });
  console.log('Saving investigations:', { patientId: data.id });
  console.log('encounter', id, 'lint findings', lintReport.findings.length, lintReport.findings);
}
