// What every endpoint finder takes and shares: the file's facts, flow and policy, and the
// handlers already claimed by an earlier finder (a decorated route is not also a Django view).

import { isFrameworkModule, type Framework, type FrameworkEntry } from '../../catalogues/frameworks';
import type { AuditControl, AuditPlacement, EndpointFact, HttpMethod } from '../../model/endpoints';
import type { FileFacts } from '../../model/facts';
import type { Position } from '../../model/ranges';
import type { EvidenceItem, PhiEvidence } from './touches-phi';
import type { ResolvedPolicy } from '../../model/policy';
import type { FlowAnalyzer } from '../flow/flow';

export interface EndpointContext {
  facts: FileFacts;
  flow: FlowAnalyzer;
  policy: ResolvedPolicy;
  filePath: string;
}

export interface FinderInput extends EndpointContext {
  /** The frameworks whose routes are written the finder's way, in catalogue order. */
  frameworks: readonly (FrameworkEntry & { id: Framework })[];
  /** Handler scopes already reported by an earlier finder of the file. */
  claimed: Set<number>;
}

/** Where a finder found an endpoint: reported from `start` (first decorator, or the registration) to `end`. */
export interface FoundEndpoint {
  framework: Framework;
  methods: HttpMethod[];
  path: string;
  handler: EndpointFact['handler'];
  start: Position;
  end: Position;
  audit: AuditControl | undefined;
  placement: AuditPlacement;
}

/** The endpoint fact of what a finder found, with the evidence that it touches patient data. */
export function endpointFact(found: FoundEndpoint, evidence: PhiEvidence): EndpointFact {
  const { framework, methods, path, handler, start, end, audit, placement } = found;
  const { touchesPhi, categories, why } = evidence;
  const endpoint: EndpointFact = { framework, methods, path, handler, line: start.line, range: { start, end }, audit, touchesPhi, categories, why, placement };
  if (evidence.items?.length) evidenceItems.set(endpoint, evidence.items);
  return endpoint;
}

/** The evidence of each endpoint piece by piece, kept beside its fact (which reports carry) for the passes after the finders. */
const evidenceItems = new WeakMap<EndpointFact, readonly EvidenceItem[]>();

/** The pieces of evidence an endpoint was found to touch patient data by (touches-phi.ts), if known. */
export function evidenceItemsOf(endpoint: EndpointFact): readonly EvidenceItem[] | undefined {
  return evidenceItems.get(endpoint);
}

/** The framework a file of this style uses by its imports: the first imported, else the fallback. */
export function frameworkOfFile(input: FinderInput): Framework {
  const imported = input.frameworks.find((framework) => importsFramework(input.facts, framework));
  return (imported ?? input.frameworks.find((framework) => framework.fallback) ?? input.frameworks[0]).id;
}

/** Whether the file imports one of the framework's modules. */
export function importsFramework(facts: FileFacts, framework: FrameworkEntry): boolean {
  return facts.imports.some((fact) => isFrameworkModule(framework, fact.module));
}
