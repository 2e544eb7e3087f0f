interface Encounter { id: string; findingsText?: string; investigationsText?: string }

export function updateEncounter(id: string, data: Partial<Encounter>, lintReport: { findings: string[] }) {
  console.log('Saving findings:', data.findingsText); // expect: phi-in-log
  console.log('Saving investigations:', data.investigationsText); // expect: phi-in-log
  console.log('encounter', id, 'lint findings', lintReport.findings.length, lintReport.findings);
}
