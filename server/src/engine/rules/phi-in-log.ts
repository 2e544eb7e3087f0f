import type { Rule } from './rule';
import { helpUri } from './rule';

export const phiInLog: Rule = {
  metadata: {
    id: 'phi-in-log',
    title: 'TODO',
    description: 'TODO',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.502(b) (minimum necessary)',
    helpUri: helpUri('phi-in-log'),
  },
  check() {
    return [];
  },
};
