// Where a PHI element is someone else's data (docs/policy.md, "Names are not values"):
// staff signing in, rows of staff, reference prices, a compliance policy's number, a
// decision-support rule's condition. The flow asks before it treats an element as a patient's.

import type { BindingFact, Expr, FileFacts } from '../../model/facts';
import type { Taint } from './taint';
import { enclosingFunctions } from '../../model/facts-index';
import { offsetOf } from '../../model/text';
import type { PhiClassifier } from '../phi/classify';
import { tokenize } from '../phi/identifiers';
import { isAccountHolderName, isCredentialElement, isPatientSideName, isSignedInAccount, isSignInFunctionName, isStaffAccountName } from '../phi/account-module';
import { PRICING_WORDS, VENDOR_WORDS, type ModuleTraits } from '../phi/module-traits';
import { isRuleConfigurationElement, isRuleObjectName } from '../phi/rule-module';
import { namesAccountModel } from '../phi/account-models';
import { RESULT_ROW_WORDS, StaffRows } from './staff-rows';
import { isContactElement, isOrganisationFunctionName, isOrganisationTypeName } from './organisation-contacts';

/**
 * Words that put a policy or member number in insurance (anywhere in the file): without them a
 * policy number is an organisation's policy document's, a member id a chat channel's or a group's.
 */
const INSURANCE_CONTEXT = /insur|payer|payor|coverage|subscriber|copay|eligib|beneficiar|health[_ -]?plan|claim|guarantor|policy[_ -]?holder|policyholder|group[_ -]?number/i;
/** A file that mentions patients anywhere: a vendor module's insurance may be theirs. */
const PATIENT_WORDS = /patient|subscriber|beneficiar|paciente/i;
/** A health-plan member number in the file: a policy number beside it is insurance. */
const MEMBER_NUMBER = /member[_ -]?(id|number|no)/i;

/** Clinical elements that are also entries of a catalogue (drugs, procedures, codes). */
const CATALOGUE_ELEMENTS = new Set(['medication', 'procedure', 'diagnosis', 'billing_code']);
/** First tokens of a function that fetches one entry. */
const LOOKUP_VERBS = new Set(['get', 'find', 'fetch', 'lookup', 'search', 'load', 'resolve', 'query']);

/** Elements that are places a search can be narrowed to. */
const SEARCH_LOCATION_ELEMENTS = new Set(['city', 'zip_code']);
/** Names of the object a search's parameters are given in (`filter`, `searchCriteria`, `where`). */
const SEARCH_FILTER_WORDS = new Set(['filter', 'filters', 'criteria', 'criterion', 'where', 'facets']);

function isSearchFilterName(name: string): boolean {
  return SEARCH_FILTER_WORDS.has(tokenize(name).at(-1) ?? '');
}


type ResolveBinding = (name: string, scopeId: number, offset: number) => BindingFact | undefined;

/** What is known of the object an element is read off (`objectName.element`). */
export interface ObjectKnowledge {
  /** The object carries PHI the flow has followed. */
  tainted: boolean;
  /** The object is a patient record or named for a person. */
  onRecord: boolean;
  /** The object's only taint is a summarised function's parameter: what a caller passes. */
  fromCallerOnly?: boolean;
}

export class NonPersonContexts {
  /** Whether the file mentions insurance anywhere, computed once. */
  private insuranceInFile: boolean | undefined;
  private readonly staffRows: StaffRows;

  constructor(
    private readonly facts: FileFacts,
    private readonly classifier: PhiClassifier,
    /** The file is about the application's own accounts (account-module.ts). */
    private readonly accountModule: boolean,
    /** What the file's path says of it (module-traits.ts). */
    private readonly traits: ModuleTraits,
    private readonly resolveBinding: ResolveBinding,
  ) {
    this.staffRows = new StaffRows(facts, resolveBinding);
  }

  /** A variable or parameter named for an element (`cptCode`, `email`) that is not a patient's here. */
  quietsName(element: string, name: string, scopeId: number): boolean {
    if (this.isReferenceData(element, undefined, scopeId)) return true;
    if (CATALOGUE_ELEMENTS.has(element) && !isPatientSideName(name) && this.enclosingFunctionNames(scopeId).some((fn) => this.looksUpCatalogue(fn, element))) return true;
    if (isCredentialElement(element) && !isPatientSideName(name) && this.inChannelTest(scopeId)) return true;
    // `addressParams` in `getPharmacyDetail`: the pharmacy's address, searched by.
    if (isContactElement(element) && !isPatientSideName(name) && this.inOrganisationFunction(scopeId)) return true;
    if (this.traits.rules && isRuleConfigurationElement(element)) return true;
    // `requestPasswordReset(email)` in a module about accounts: the account holder's sign-in e-mail.
    return isCredentialElement(element) && !isPatientSideName(name) && this.aboutAccounts(scopeId);
  }

  /** An element read off an object (`adminUser.email`, `providers.rows[0].name`, `feeItem.cptCode`) that is not a patient's. */
  quietsMember(element: string, object: Expr, objectName: string | undefined, known: ObjectKnowledge, scopeId: number): boolean {
    // A row a query on the users or staff returned is a staff member's, whatever its variable is called.
    if (isCredentialElement(element) && !this.traits.patientSide && this.staffRows.isStaffRow(object, scopeId)) return true;
    // `person.name` where the workspace's `Person` is the app's account of a member (roles, memberships).
    if (isCredentialElement(element) && !this.traits.patientSide && objectName && namesAccountModel(objectName, this.traits.accountModels)) return true;
    // `req.user.email`, `socket.user.fullName`: the staff member signed in, not a patient.
    // A portal whose accounts are patients names `user` in `phi.recordNames`: then it is a record here.
    if (isCredentialElement(element) && !known.tainted && !known.onRecord && !this.traits.patientSidePath && isSignedInAccount(object)) return true;
    if (!known.tainted && isCredentialElement(element)) {
      if (objectName && this.isStaffAccountObject(objectName, scopeId)) return true;
      if (this.isRowOfNonPersons(object, scopeId)) return true;
    }
    // `condition.medication`, `condition.parameters.medications` in a CDS rule editor: the drug the rule fires on.
    if ((!known.tainted || known.fromCallerOnly) && this.traits.rules && memberChainNames(object).some(isRuleObjectName)) return true;
    // `filter.city`, `criteria.zipCode`: a place a directory is searched by, not where someone lives.
    if (SEARCH_LOCATION_ELEMENTS.has(element) && objectName && isSearchFilterName(objectName) && !this.enclosingFunctionNames(scopeId).some(isPatientSideName)) return true;
    if (known.onRecord) return false;
    // `data.formattedAddress` in `getPharmacyDetail`: the pharmacy's, not a person's (organisation-contacts.ts).
    if ((!known.tainted || known.fromCallerOnly) && isContactElement(element) && !(objectName && isPatientSideName(objectName)) && this.inOrganisationFunction(scopeId)) return true;
    // `details.contactPhone` where `details: EmployerInformation`: an organisation's business contact (organisation-contacts.ts).
    if ((!known.tainted || known.fromCallerOnly) && isContactElement(element) && object.kind === 'name' && this.isOrganisationParameter(object.name, scopeId)) return true;
    // `testSmsSchema.parse(req.body).phoneNumber` in `testSms`: the recipient an operator typed.
    if (!known.tainted && isCredentialElement(element) && !(objectName && isPatientSideName(objectName)) && this.inChannelTest(scopeId)) return true;
    return this.isReferenceData(element, objectName, scopeId) || (!!this.traits.rules && isRuleConfigurationElement(element));
  }

  /**
   * `const addressParsed = parsePlaceAddress(data)` in `getPharmacyDetail`: a variable of a function
   * named for an organisation holds that organisation's contact details, whatever helper filled it;
   * they are dropped from what it holds (a whole record, or a variable named for a patient, stays).
   */
  withoutOrganisationContacts(taint: Taint, name: string, scopeId: number): Taint | undefined {
    if (taint.record || taint.holder || isPatientSideName(name) || !taint.elements.some((ref) => isContactElement(ref.element))) return taint;
    if (!this.inOrganisationFunction(scopeId)) return taint;
    const elements = taint.elements.filter((ref) => !isContactElement(ref.element));
    return elements.length ? { ...taint, elements } : undefined;
  }

  /** `filter.city = city`: what a store puts into a search filter under a place is that place, not where someone lives. */
  quietsStore(store: BindingFact): boolean {
    if (store.property === undefined || !isSearchFilterName(store.name)) return false;
    const classification = this.classifier.classify(store.property);
    return classification.kind === 'element' && SEARCH_LOCATION_ELEMENTS.has(classification.element) && !this.enclosingFunctionNames(store.scopeId).some(isPatientSideName);
  }

  /**
   * Elements that are reference or organisational data in their context, not a person's: a CPT
   * code of a fee schedule (`feeItem.cptCode`, `updateFeeScheduleItem(id, cptCode)`, anything in
   * `feeSchedules.ts`); the number of
   * a compliance policy document, or a member id, in a file that mentions no insurance at all.
   */
  private isReferenceData(element: string, objectName: string | undefined, scopeId: number): boolean {
    if (element === 'billing_code') {
      return !!this.traits.pricing || [objectName, ...this.enclosingFunctionNames(scopeId)].some((name) => !!name && tokenize(name).some((token) => PRICING_WORDS.has(token)));
    }
    // `vendor.insuranceExpiration`, `insuranceExpiringSoon` in `vendor.service.ts`: a supplier's liability cover.
    if (element === 'insurance' || element === 'policy_number') {
      const aboutVendors = (!!this.traits.vendors && !PATIENT_WORDS.test(this.facts.text)) || [objectName, ...this.enclosingFunctionNames(scopeId)].some((name) => !!name && tokenize(name).some((token) => VENDOR_WORDS.has(token)));
      if (aboutVendors) return true;
    }
    if (element === 'policy_number') return !this.mentionsInsurance() && !MEMBER_NUMBER.test(this.facts.text);
    // `newMemberId` of a channel, `memberId` of a therapy group: a membership row's id.
    if (element === 'member_id') return !this.mentionsInsurance();
    return false;
  }

  /**
   * `getMedicationByName(medicationName)`, `findDrugByCode`: a function that looks an entry of the
   * drug or code catalogue up by a key; the key is reference data, no patient's (the entry's
   * element before `by`, no person named).
   */
  private looksUpCatalogue(functionName: string, element: string): boolean {
    const tokens = tokenize(functionName);
    const by = tokens.indexOf('by');
    if (by < 2 || !LOOKUP_VERBS.has(tokens[0]) || isPatientSideName(functionName)) return false;
    const entity = this.classifier.classify(tokens.slice(1, by).join('_'));
    return entity.kind === 'element' && entity.element === element;
  }

  private mentionsInsurance(): boolean {
    this.insuranceInFile ??= INSURANCE_CONTEXT.test(this.facts.text);
    return this.insuranceInFile;
  }

  /** In a module about accounts, or in a function about signing in (`loginStaff`, `resetPassword`). */
  private aboutAccounts(scopeId: number): boolean {
    return this.accountModule || (!this.traits.patientSide && this.enclosingFunctionNames(scopeId).some(isSignInFunctionName));
  }

  /** In a function that tests a messaging channel or an integration (`testSms`, `sendTestEmail`). */
  private inChannelTest(scopeId: number): boolean {
    return this.enclosingFunctionNames(scopeId).some(isChannelTestName);
  }

  /** In a function named for an organisation and for no person or record of care (`getPharmacyDetail`). */
  private inOrganisationFunction(scopeId: number): boolean {
    return !this.traits.patientSide && this.enclosingFunctionNames(scopeId).some(isOrganisationFunctionName);
  }

  /** A parameter of an enclosing function whose annotation names an organisation only (`details: EmployerInformation`). */
  private isOrganisationParameter(name: string, scopeId: number): boolean {
    for (const scope of enclosingFunctions(this.facts, scopeId)) {
      const param = scope.params.find((p) => p.name === name);
      if (param) return !param.destructured && param.typeNames.length > 0 && param.typeNames.every(isOrganisationTypeName);
    }
    return false;
  }

  private enclosingFunctionNames(scopeId: number): string[] {
    return enclosingFunctions(this.facts, scopeId).flatMap((scope) => (scope.name ? [scope.name] : []));
  }


  /**
   * `providers.rows[0]`, `const cp = clinicResult.rows[0]`: a row of a query result named for
   * staff or a non-person (a provider's name is not PHI). One variable is followed back.
   */
  private isRowOfNonPersons(object: Expr, scopeId: number): boolean {
    let current: Expr | undefined = object;
    let viaRows = false;
    for (let i = 0; current && i < 6; i++) {
      if (current.kind === 'index') current = current.object;
      else if (current.kind === 'member' && RESULT_ROW_WORDS.has(current.property)) current = current.object;
      else break;
      viaRows = true;
    }
    if (current?.kind !== 'name') return false;
    if (!viaRows) {
      const binding = this.resolveBinding(current.name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, current.range.start));
      return !!binding && binding.kind !== 'destructure' && binding.value.kind !== 'name' && this.isRowOfNonPersons(binding.value, binding.scopeId);
    }
    // `providers.rows`: a result is named for what each row is.
    const singular = current.name.replace(/s$/, '');
    if (isPatientSideName(current.name)) return false;
    return [current.name, singular].some((name) => this.classifier.isNonPersonObjectName(name) && !this.classifier.isPersonObjectName(name));
  }

  /**
   * Whose sign-in and contact details an object holds are staff's: `adminUser` anywhere; in a module
   * about accounts or the workforce, the account holder (`user`) and the request data signing in
   * (`data.email`, `details.firstName`), unless named for a patient (`patient`, `portalUser`).
   */
  private isStaffAccountObject(objectName: string, scopeId: number): boolean {
    if (isStaffAccountName(objectName)) return true;
    if (isPatientSideName(objectName) || !this.aboutAccounts(scopeId)) return false;
    return isAccountHolderName(objectName) || !this.classifier.isPersonObjectName(objectName);
  }
}

/** The names along a member chain, the object's own first (`condition.parameters` -> parameters, condition). */
function memberChainNames(expr: Expr): string[] {
  const names: string[] = [];
  for (let current: Expr = expr, depth = 0; depth < 8; depth++) {
    if (current.kind === 'name') return [...names, current.name];
    if (current.kind !== 'member') return names;
    names.push(current.property);
    current = current.object;
  }
  return names;
}

/**
 * `testSms`, `sendTestEmail`, `test_smtp_connection`: a function that checks a channel or an
 * integration by sending to a recipient an operator types in (an admin's own phone or address),
 * not a patient's. A function about clinical tests (`testResults`, `labTestOrder`) is not one.
 */
export function isChannelTestName(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.includes('test') && tokens.some((token) => CHANNEL_WORDS.has(token)) && !tokens.some((token) => CLINICAL_TEST_WORDS.has(token));
}

const CHANNEL_WORDS = new Set([
  'sms', 'email', 'mail', 'smtp', 'text', 'fax', 'push', 'notification', 'notifications', 'webhook', 'connection',
  'integration', 'config', 'configuration', 'settings', 'twilio', 'sendgrid', 'ses', 'sns', 'whatsapp', 'voice', 'call',
]);

const CLINICAL_TEST_WORDS = new Set(['result', 'results', 'lab', 'labs', 'order', 'orders', 'panel', 'specimen', 'patient', 'patients']);
