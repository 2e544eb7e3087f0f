// esbuild inlines only the `version` field of package.json into the bundle.
import { version } from '../../../package.json';

export const TOOL_NAME = 'PHI Guard';
export const TOOL_VERSION: string = version;
export const TOOL_INFORMATION_URI = 'https://phi-guard.dev';
