// The parts of a rule's definition and an office's fax number are not a patient's data.
interface EnableWhen { question: string; operator: string; answer?: string }

export function evalCondition(condition: EnableWhen, answer: string): boolean {
  const { operator } = condition;
  if (operator === '=') return answer === condition.answer;
  throw new Error(`Unexpected operator ${operator}`);
}

export function reflexLanguage(conditionExt: { valueExpression?: { language?: string } }, definitionId: string): string {
  const expression = conditionExt.valueExpression;
  if (expression?.language !== 'text/fhirpath') throw new Error(`Unsupported language "${expression?.language}" in ActivityDefinition/${definitionId}`);
  return expression.language;
}

export function checkRecipients(recipients: { name: string; faxNumber: string }[]): void {
  for (const recipient of recipients) {
    if (!/^\+?\d{10,11}$/.test(recipient.faxNumber)) throw new Error(`"${recipient.faxNumber}" is not a valid fax number`);
  }
}

export function checkPatient(patient: { faxNumber: string; condition: string }): void {
  if (!patient.faxNumber) throw new Error(`no fax on file for (patientId=${patient.id})`);
  throw new Error(`unsupported condition (patientId=${patient.id})`);
}
