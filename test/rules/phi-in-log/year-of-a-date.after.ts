// The year of a birth date alone is not an identifier (Safe Harbor keeps years): a dedup key built
// from ids, an event name and the birthday's year is quiet. The birthday itself is reported.
interface OutreachIdentity {
  focus: string;
  triggerEvent: string;
  birthdayYear?: string;
  birthday?: string;
}

export function outreachIdentityKey(identity: OutreachIdentity): string {
  const key = `${identity.focus}|${identity.triggerEvent}|${identity.birthdayYear ?? ''}`;
  console.log(`Cancelled duplicate outreach task (dedup key: ${key})`);
  console.log(`birthday outreach for ${identity.focus} on`, { identityId: identity.id });
  return key;
}
