// An event logged whole carries the fields the function reads off it; a field read into a variable
// named for an organisation (the insurance company picked in a search dialog) is that
// organisation's, not a patient's. A field read into a patient's variable still counts.
export function onMessage(evt: MessageEvent, selectedPolicy: { setProperty(key: string, value: unknown): void }) {
  if (evt.data.action === 'insurance-search-set-insurance') {
    const insuranceCompanyId = evt.data.insuranceId || null;
    const insuranceCompanyName = evt.data.insuranceName || null;
    if (!insuranceCompanyId || !insuranceCompanyName) {
      console.error('Failed to find insurance company id or name in event data. Event: ', evt);
      return;
    }
    selectedPolicy.setProperty('provider', insuranceCompanyId);
  }
}

export function onPolicyMessage(evt: MessageEvent) {
  const subscriberInsuranceId = evt.data.insuranceId;
  if (!subscriberInsuranceId) {
    console.error('Failed to find the policy in event data. Event: ', evt);  // expect: phi-in-log
  }
}
