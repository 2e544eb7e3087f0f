import type { Rule } from './rule';
import { helpUri } from './rule';

export const phiInError: Rule = {
  metadata: {
    id: 'phi-in-error',
    title: 'TODO',
    description: 'TODO',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.502(b) (minimum necessary)',
    helpUri: helpUri('phi-in-error'),
  },
  check() {
    return [];
  },
};
