// The scaffold generator's public API (issue 7): one pure generator for the command palette and
// the CLI, plus the pure helpers both use to fill in its options from a project.

export * from './types';
export { defaultLayout, generateScaffold, ScaffoldOptionsError } from './generate';
export { identifierTokens, pluralize, resourceNames, type ResourceNames } from './names';
export { defaultRolesFor, optionProblems, RESERVED_WORDS, RESOURCE_NAME_PATTERN, resourceNameProblem, rolesPermittedFor, suggestedCategory } from './validate';
export {
  definesAuditRuntime,
  detectFrameworks,
  detectLayout,
  moduleFormatOf,
  pythonModuleOf,
  runtimeNames,
  runtimePathFromPolicy,
  type ProjectManifests,
} from './detect';
export { auditSetupFor, inspectProject, locateRuntime, type ProjectFacts, type ProjectReader, type RuntimeLookup } from './project';
