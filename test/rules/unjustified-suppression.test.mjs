// unjustified-suppression: each case of test/rules/unjustified-suppression/ is analysed and, since
// only a person can write the reason, left as it is by `phi-guard fix`.
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('unjustified-suppression');
