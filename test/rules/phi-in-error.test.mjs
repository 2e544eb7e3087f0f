// phi-in-error: each case of test/rules/phi-in-error/ is analysed, fixed and compared whole with
// its after-file: the error keeps its static text and refers to the record by its id.
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('phi-in-error', {
  'script-folder-assertion': { path: 'scripts/smoke/check-dob.ts' },
  'script-folder-assertion-in-service': { path: 'src/services/check-dob.ts' },
});
