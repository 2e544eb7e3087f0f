// Options several commands take with the same meaning, written once so their help reads the same.

import type { OptionSpec } from './argv';

export const OUTPUT_OPTION: OptionSpec = { name: 'output', alias: 'o', type: 'string', valueName: 'FILE', description: 'write the report to FILE instead of stdout' };
export const POLICY_OPTION: OptionSpec = { name: 'policy', type: 'string', valueName: 'FILE', description: 'policy file for every file (default: the nearest phi-guard.json)' };
/** For commands whose report would be incomplete without a file: an unanalysed file fails the run. */
export const MAX_FILE_SIZE_OPTION: OptionSpec = { name: 'max-file-size-kb', type: 'string', valueName: 'N', description: 'do not analyse files larger than N KB: an error (default: 10240)' };
export const ALLOW_UNANALYSED_OPTION: OptionSpec = { name: 'allow-unanalysed', type: 'boolean', description: 'files that could not be analysed are warnings and do not fail the run' };
