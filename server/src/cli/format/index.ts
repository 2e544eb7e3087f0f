// The output formats of `phi-guard scan`.

import type { ScanReport } from '../report';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from '../version';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatReport(report: ScanReport, format: OutputFormat, options: { color: boolean }): string {
  switch (format) {
    case 'json':
      return formatJson(report, TOOL_VERSION);
    case 'sarif':
      return formatSarif(report, { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_INFORMATION_URI });
    case 'text':
      return formatText(report, options.color);
  }
}
