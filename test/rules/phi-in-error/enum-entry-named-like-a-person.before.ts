// `ServiceMode['in-person']` is an enum's entry, however its key reads; a record's key is a value.
enum ServiceMode {
  'in-person' = 'in-person',
  virtual = 'virtual',
}

export function checkServiceMode(serviceMode: string): void {
  if (serviceMode !== ServiceMode['in-person'] && serviceMode !== ServiceMode.virtual) {
    throw new Error(`"serviceMode" must be one of ${ServiceMode['in-person']} or ${ServiceMode.virtual}.`);
  }
}

export function checkName(patient: { id: string; 'first-name': string }): void {
  throw new Error(`bad name ${patient['first-name']}`); // expect: phi-in-error
}
