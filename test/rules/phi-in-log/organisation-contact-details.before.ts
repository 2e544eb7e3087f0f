// An organisation's contact details are business contacts: the phone and fax of a patient's
// employer, typed as the employer's, are not a patient's. The same details of a person (an
// attorney, a relative) are still reported.
interface EmployerInformation {
  employerName: string;
  contactPhone: string;
  contactFax: string;
  addressLine1: string;
}

interface AttorneyInformation {
  firstName: string;
  mobile: string;
}

export function buildEmployerOrganization(details: EmployerInformation): void {
  console.log(`employer phone ${details.contactPhone}, fax ${details.contactFax}`);
  console.log('employer address', details.addressLine1);
}

export function buildAttorneyRelatedPerson(details: AttorneyInformation): void {
  console.log(`attorney phone ${details.mobile}`);  // expect: phi-in-log
}
