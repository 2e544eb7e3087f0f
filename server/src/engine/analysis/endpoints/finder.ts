// What every endpoint finder takes and shares: the file's facts, flow and policy, and the
// handlers already claimed by an earlier finder (a decorated route is not also a Django view).

import { isFrameworkModule, type Framework, type FrameworkEntry } from '../../catalogues/frameworks';
import type { FileFacts } from '../../model/facts';
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

/** The framework a file of this style uses by its imports: the first imported, else the fallback. */
export function frameworkOfFile(input: FinderInput): Framework {
  const imported = input.frameworks.find((framework) => importsFramework(input.facts, framework));
  return (imported ?? input.frameworks.find((framework) => framework.fallback) ?? input.frameworks[0]).id;
}

/** Whether the file imports one of the framework's modules. */
export function importsFramework(facts: FileFacts, framework: FrameworkEntry): boolean {
  return facts.imports.some((fact) => isFrameworkModule(framework, fact.module));
}
