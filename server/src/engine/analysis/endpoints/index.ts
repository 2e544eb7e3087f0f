// Endpoint discovery over one file's facts. Computed once per analysis and shared by the two
// endpoint rules, the analysis result and the coverage report.

import type { FileFacts } from '../../model/facts';
import type { FlowAnalyzer } from '../flow/flow';
import type { ResolvedPolicy } from '../../model/policy';
import { findPythonEndpoints } from './python';
import { findTypeScriptEndpoints } from './typescript';
import type { EndpointFact } from '../../model/endpoints';

export * from '../../model/endpoints';
export { primaryCategory } from './resources';
export { findDjangoRoutes } from './django-urls';

const ENDPOINT_LANGUAGES = new Set<string>(['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact']);
const cache = new WeakMap<FileFacts, Map<ResolvedPolicy, EndpointFact[]>>();

export interface EndpointContext {
  facts: FileFacts;
  flow: FlowAnalyzer;
  policy: ResolvedPolicy;
  filePath: string;
}

export function findEndpoints(context: EndpointContext): EndpointFact[] {
  let byPolicy = cache.get(context.facts);
  if (!byPolicy) cache.set(context.facts, (byPolicy = new Map()));
  let endpoints = byPolicy.get(context.policy);
  if (!endpoints && !ENDPOINT_LANGUAGES.has(context.facts.languageId)) endpoints = [];
  if (!endpoints) {
    endpoints =
      context.facts.language === 'python'
        ? findPythonEndpoints(context.facts, context.flow, context.policy, context.filePath)
        : findTypeScriptEndpoints(context.facts, context.flow, context.policy);
    endpoints.sort((a, b) => a.line - b.line || a.range.start.character - b.range.start.character);
    byPolicy.set(context.policy, endpoints);
  }
  return endpoints;
}
