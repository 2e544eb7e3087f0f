interface Encounter { id: string; findingsText?: string; investigationsText?: string }

export function updateEncounter(id: string, data: Partial<Encounter>, lintReport: { findings: string[] }) {
  console.log('Saving findings:', { recordId: data.id });
  console.log('Saving investigations:', { recordId: data.id });
  console.log('encounter', id, 'lint findings', lintReport.findings.length, lintReport.findings);
}
