// An organisation's contact details are business contacts, not a patient's (docs/rules/phi-in-log.md,
// "What stays quiet"): the phone of a patient's employer (`details.contactPhone` where `details:
// EmployerInformation`), the fax number an inbound fax was sent from (`getSenderFaxNumber(fax)`),
// a pharmacy's or a lab's address. The same elements read off a patient, a relative or any person
// (`details.mobile` where `details: AttorneyInformation`) are still a person's.

import { PERSON_OBJECT_WORDS } from '../../catalogues/phi-elements';
import { tokenize } from '../phi/identifiers';

/** Words that name an organisation (in a type name: `EmployerInformation`, `PharmacyDetails`). */
const ORGANISATION_WORDS = new Set([
  'employer', 'organization', 'organisation', 'org', 'company', 'business', 'practice', 'clinic', 'hospital', 'facility',
  'pharmacy', 'payer', 'payor', 'insurer', 'carrier', 'vendor', 'supplier', 'lab', 'laboratory', 'office', 'agency',
]);

/** Words that name whoever sent a message (`getSenderFaxNumber`): an inbound fax's or message's origin. */
const SENDER_WORDS = new Set(['sender', 'sending', 'origin', 'originating']);

/** Elements that are contact details, which an organisation has as much as a person. */
const CONTACT_ELEMENTS = new Set(['phone', 'fax', 'email', 'address', 'city', 'zip_code']);

const FUNCTION_VERBS = new Set(['get', 'fetch', 'find', 'read', 'extract', 'parse', 'resolve', 'lookup', 'load']);

export function isContactElement(element: string): boolean {
  return CONTACT_ELEMENTS.has(element);
}

/** `EmployerInformation`, `Organization`, `PharmacyDetails`: a type named for an organisation and for no person. */
export function isOrganisationTypeName(typeName: string): boolean {
  const tokens = tokenize(typeName);
  return tokens.some((token) => ORGANISATION_WORDS.has(token)) && !tokens.some((token) => PERSON_OBJECT_WORDS.has(token));
}

/**
 * `getSenderFaxNumber`, `getFacilityPhone`, `extractEmployerAddress`: a function named for a
 * contact detail and for the sender or organisation whose it is (the word after its verb).
 * `getPhone`, `getPatientPhone`, `getSenderName` are not.
 */
export function namesOrganisationContact(functionName: string, contactElementOf: (name: string) => string | undefined): boolean {
  const tokens = tokenize(functionName);
  if (tokens.length < 3 || !FUNCTION_VERBS.has(tokens[0]) || tokens.some((token) => PERSON_OBJECT_WORDS.has(token))) return false;
  if (!ORGANISATION_WORDS.has(tokens[1]) && !SENDER_WORDS.has(tokens[1])) return false;
  const element = contactElementOf(tokens.slice(2).join('_'));
  return !!element && isContactElement(element);
}

/**
 * Words of a function named for an organisation it handles (`getPharmacyDetail`,
 * `searchErxPharmacy`, `syncEmployerPayers`): narrower than ORGANISATION_WORDS, since `lab`,
 * `practice` or `office` also name a patient's test, a therapy practice or an office visit.
 */
const ORGANISATION_FUNCTION_WORDS = new Set([
  'pharmacy', 'pharmacies', 'employer', 'employers', 'organization', 'organizations', 'organisation', 'organisations',
  'facility', 'facilities', 'clinic', 'clinics', 'hospital', 'hospitals', 'payer', 'payers', 'payor', 'payors',
  'insurer', 'insurers', 'vendor', 'vendors', 'supplier', 'suppliers', 'company', 'companies',
]);

/**
 * A schedule is a location's, a provider's or a service's opening hours (FHIR's `Schedule`): its
 * address and phone are where and how to reach them (`validateUpdateScheduleParameters`). Only as a
 * noun: first, `schedule` is a verb (`scheduleReminderSms(phone)` texts a patient).
 */
const SCHEDULE_WORDS = new Set(['schedule', 'schedules']);

/** Words of a record of a patient's care: a function named for one handles a patient's data too (`getClinicAppointment`). */
const CARE_RECORD_WORDS = new Set([
  'appointment', 'appointments', 'visit', 'visits', 'encounter', 'encounters', 'order', 'orders', 'referral', 'referrals',
  'prescription', 'prescriptions', 'claim', 'claims', 'admission', 'admissions', 'enrollment', 'enrolment', 'eligibility',
  'coverage', 'subscriber', 'policy', 'chart', 'record', 'records',
]);

/**
 * `getPharmacyDetail`, `searchErxPharmacy`, `createSchedule`: a function named for an organisation
 * (or its schedule) and for no person or record of care, whose contact details (an address to search
 * by, a phone it formats) are that organisation's. `getPatientPharmacy`, `getClinicAppointment` are not.
 */
export function isOrganisationFunctionName(functionName: string): boolean {
  const tokens = tokenize(functionName);
  return (
    tokens.some((token, index) => ORGANISATION_FUNCTION_WORDS.has(token) || (index > 0 && SCHEDULE_WORDS.has(token))) &&
    !tokens.some((token) => PERSON_OBJECT_WORDS.has(token) || CARE_RECORD_WORDS.has(token))
  );
}
