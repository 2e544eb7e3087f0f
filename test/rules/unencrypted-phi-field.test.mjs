// unencrypted-phi-field: each case of test/rules/unencrypted-phi-field/ (one or more per ORM) is
// analysed, fixed and compared whole with its after-file. The Mongoose plugin is added by the
// first field's fix (`mongoose-plugin-added`) and extended by the next (`mongoose-plugin-extended`).
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('unencrypted-phi-field', {
  'typeorm-policy-transformer': {
    policy: (defaults) => ({ ...defaults, encryption: { types: ['@/security/crypto#piiTransformer'], required: ['ssn', 'diagnosis'] } }),
  },
  'mongoose-plugin-added': { apply: 'first' },
  suppress: { apply: 'suppress' },
});
