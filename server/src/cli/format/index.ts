// The output formats of `phi-guard scan`.

import type { ScanReport } from '../report';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from '../version';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatOptions {
  color: boolean;
  /** `github`: the repository checkout that annotation paths are relative to (GITHUB_WORKSPACE). */
  workspace?: string;
}

export function formatReport(report: ScanReport, format: OutputFormat, options: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(report, TOOL_VERSION);
    case 'sarif':
      return formatSarif(report, { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_INFORMATION_URI });
    case 'github':
      return formatGithub(report, { workspace: options.workspace });
    case 'junit':
      return formatJunit(report);
    case 'text':
      return formatText(report, options.color);
  }
}
