// phi-to-ai: each case of test/rules/phi-to-ai/ is analysed, fixed and compared whole with its
// after-file. The de-identify fix wraps the PHI in the policy's first sanitizer.
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('phi-to-ai', {
  'deidentify-with-policy-sanitizer': {
    policy: (defaults) => ({ ...defaults, vendors: [], phi: { ...defaults.phi, sanitizers: ['app.phi.deidentify'] } }),
  },
});
