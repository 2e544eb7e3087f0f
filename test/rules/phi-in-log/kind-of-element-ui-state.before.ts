// A name about a kind of an element (the tab of an insurance type, a medication kind's label)
// holds no patient's value, as `insurance_type` does not; the patient's insurance still does.
export class PolicyScreen {
  private __selectedInsuranceTypeTab = 'primary';
  private __insurancesByType: Record<string, unknown[]> = {};

  selectTab(evt: { target: { dataset: { type: string } } }, patient: { insurance: string }) {
    this.__selectedInsuranceTypeTab = evt.target.dataset.type;
    if (!this.__insurancesByType[this.__selectedInsuranceTypeTab].length) {
      console.error('Failed to find insurance for type: ' + this.__selectedInsuranceTypeTab);
    }
    const medicationKindLabel = evt.target.dataset.type;
    console.warn('unknown kind ' + medicationKindLabel);
    const diagnosisCategory = evt.target.dataset.type;
    console.error('no policy for ' + patient.insurance);  // expect: phi-in-log
    console.warn('category ' + diagnosisCategory);  // expect: phi-in-log
  }
}
