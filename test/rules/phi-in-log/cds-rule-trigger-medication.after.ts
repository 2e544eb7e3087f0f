// In a decision-support rule editor, the medication a rule's condition names is the drug the rule fires on; a patient's stays PHI.
export class CdsHooksService {
  buildConditionParameters(condition) {
    const parameters: Record<string, unknown> = { type: condition.type };
    if (condition.type === 'medication') {
      parameters.medication = condition.medication;
    }
    console.log('Condition parameters built:', JSON.stringify(parameters));
    return parameters;
  }

  toFrontend(condition) {
    const frontendCondition = { type: condition.type, medications: condition.parameters.medications };
    console.log('Condition transformed:', JSON.stringify(frontendCondition));
    return frontendCondition;
  }

  explain(patient, condition) {
    console.log('Rule matched', { patientId: patient.id });
  }
}
