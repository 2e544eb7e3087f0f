// `client` is the patient in behavioural health and a software client elsewhere. A bare `client`
// whose `email` or `phone` is read says nothing by itself (an API client has an endpoint address
// too), but a file that also reads `client.firstName` or `client.dateOfBirth` is about people
// called clients: there, `client.email` and `client.primaryPhone` are a person's contact data.
// Decided per file and object name, from the fields read off that name in the file's text.

import type { FileFacts } from '../../model/facts';
import type { PhiClassifier } from '../phi/classify';

const MAX_READS = 500;

const PERSON_CONTACT_ELEMENTS = new Set(['email', 'phone']);

export class PersonByFields {
  private readonly known = new Map<string, boolean>();

  constructor(
    private readonly facts: FileFacts,
    private readonly classifier: PhiClassifier,
  ) {}

  /**
   * Whether `element` read off `objectName` is a person's because the file reads a field off that
   * name that only a person has (`client.lastName`). Only e-mail and phone: a client's `address`
   * is still as likely a server's.
   */
  isPersonHere(objectName: string, element: string): boolean {
    if (!PERSON_CONTACT_ELEMENTS.has(element)) return false;
    let known = this.known.get(objectName);
    if (known === undefined) this.known.set(objectName, (known = this.find(objectName)));
    return known;
  }

  private find(objectName: string): boolean {
    if (!/^[A-Za-z_$][\w$]*$/.test(objectName)) return false;
    const reads = new RegExp(`(?<![\\w$])${objectName.replace(/\$/g, '\\$')}\\??\\.([A-Za-z_$][\\w$]*)`, 'g');
    let count = 0;
    for (const match of this.facts.text.matchAll(reads)) {
      if (++count > MAX_READS) break;
      // A bare `name` is every kind of client's (an OAuth app's, a service's): no evidence either way.
      if (/^(display_?)?name$/i.test(match[1])) continue;
      const classification = this.classifier.classify(match[1]);
      if (classification.kind === 'element' && this.classifier.isPersonByElement(objectName, classification.element)) return true;
    }
    return false;
  }
}
