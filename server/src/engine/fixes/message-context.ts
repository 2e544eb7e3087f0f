// What a fix that rewrites a value (a log message, an error, an event property) reads: the file's
// facts, the PHI flow, and the scope of the call it rewrites.

import type { FileFacts } from '../model/facts';
import type { FlowAnalyzer } from '../analysis/flow/flow';

export interface MessageContext {
  facts: FileFacts;
  flow: FlowAnalyzer;
  scopeId: number;
}
