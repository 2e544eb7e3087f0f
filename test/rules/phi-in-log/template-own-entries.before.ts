// What a template holds is the template's own content, the same for every patient it is applied
// to: the diagnosis of a note template, compared with the encounter's. The encounter's diagnoses
// are the patient's and stay reported, and so do the values filled into a template.
interface Coding {
  system?: string;
  code?: string;
}

interface Condition {
  id?: string;
  code?: { coding?: Coding[] };
}

export function isDuplicateDiagnosis(templateDiagnosisCondition: Condition, encounterConditions: Condition[], clientName: string): boolean {
  const getDxCode = (condition: Condition): string | undefined => condition.code?.coding?.find((coding) => coding.system === 'icd-10')?.code;
  console.log('Deduping these encounter diagnoses: ', JSON.stringify(encounterConditions.map((condition) => `Condition/${condition.id} code: ${getDxCode(condition)}`)));  // expect: phi-in-log
  const isDuplicate = encounterConditions.some((condition) => getDxCode(condition) === getDxCode(templateDiagnosisCondition));
  console.log(`template dx ${getDxCode(templateDiagnosisCondition)} is duplicate of encounter Dx: `, isDuplicate);
  const templateData = { clientName };
  console.log('rendering', templateData);  // expect: phi-in-log
  return isDuplicate;
}
