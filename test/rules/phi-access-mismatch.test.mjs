// phi-access-mismatch: each case of test/rules/phi-access-mismatch/ is analysed, fixed and
// compared whole with its after-file: the endpoint's audit control corrected in place.
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('phi-access-mismatch', {
  'project-control-own-words': {
    policy: (defaults) => ({ ...defaults, audit: { ...defaults.audit, typescript: { ...defaults.audit.typescript, otherMiddleware: ['auditLog'] } } }),
  },
});
