// The data categories of PHI: what a catalogue element belongs to, what a BAA allows and what
// an audit control names (`data_category`). A module of its own because endpoints, findings and
// the policy all name it and none of them should import the others for it.

export type PhiCategory = 'demographics' | 'clinical' | 'billing';

export const PHI_CATEGORIES: readonly PhiCategory[] = ['demographics', 'clinical', 'billing'];
