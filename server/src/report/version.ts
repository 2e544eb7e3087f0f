// The PHI Guard version a report names (esbuild inlines only `version` from package.json). The
// report's own copy: the language server may not import the CLI (npm run depcheck).
import { version } from '../../../package.json';

export const REPORT_TOOL_VERSION: string = version;
