// phi-to-third-party: each case of test/rules/phi-to-third-party/ is analysed, fixed and compared
// whole with its after-file: events and tags carry the record id instead; a vendor set to send
// default PII has no automatic fix and stays reported.
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('phi-to-third-party');
