// Looking at a target project through an abstract reader, so the CLI (node:fs) and the command
// palette (vscode.workspace.fs / findFiles) draw the same conclusions from it.

import { definesAuditRuntime, detectFrameworks, detectLayout, runtimeNames, runtimePathFromPolicy } from './detect';
import type { ResolvedPolicy } from '../policy/types';
import type { AuditNames, ScaffoldFramework, ScaffoldLayout } from './types';

export interface ProjectReader {
  /** Relative POSIX paths of the project's files (dependency and build folders left out); folders may be listed with a trailing slash. */
  list(): Promise<string[]>;
  /** A file's text, or undefined when it cannot be read. */
  read(relativePath: string): Promise<string | undefined>;
}

export interface ProjectFacts {
  files: string[];
  /** Frameworks the project uses, most likely first. */
  frameworks: ScaffoldFramework[];
  packageJson?: string;
}

export interface RuntimeLookup {
  /** The file that defines the audit control, when the project has one. */
  existing?: string;
  layout: ScaffoldLayout;
}

const PYTHON_MANIFESTS = /^(requirements[^/]*\.(txt|in)|pyproject\.toml|setup\.cfg|setup\.py|Pipfile)$/;
/** Enough .py / .js / .ts sources to find a framework import or the runtime, without reading a whole monorepo. */
const MAX_SOURCES_READ = 400;
const MAX_SOURCE_CHARS = 200_000;

export async function inspectProject(reader: ProjectReader): Promise<ProjectFacts> {
  const files = await reader.list();
  const python: string[] = [];
  for (const file of files.filter((f) => PYTHON_MANIFESTS.test(f.split('/').pop() ?? '') && f.split('/').length <= 2)) {
    const text = await reader.read(file);
    if (text) python.push(text);
  }
  const packageJson = files.includes('package.json') ? await reader.read('package.json') : undefined;
  let frameworks = detectFrameworks({ python, packageJson });
  if (!frameworks.includes('fastapi')) {
    const sources: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.py')).slice(0, 60)) {
      const text = await reader.read(file);
      if (text) sources.push(text.slice(0, MAX_SOURCE_CHARS));
    }
    frameworks = detectFrameworks({ python, packageJson, pythonSources: sources });
  }
  return { files, frameworks, packageJson };
}

/**
 * The layout for `framework`, pointing at the project's existing audit runtime when it has one
 * (searched in its sources), else at the policy's module (`audit.*.module`).
 */
/** The audit control names and the runtime module a policy asks the scaffold to use. */
export function auditSetupFor(policy: Pick<ResolvedPolicy, 'audit'>, framework: ScaffoldFramework): { auditNames: AuditNames; policyModule?: string } {
  return {
    auditNames: {
      pythonDecorator: policy.audit.python.decorator,
      tsMiddleware: policy.audit.typescript.middleware,
      tsDecorator: policy.audit.typescript.decorator,
    },
    policyModule: framework === 'fastapi' ? policy.audit.python.module : policy.audit.typescript.module,
  };
}

export async function locateRuntime(
  reader: ProjectReader,
  facts: ProjectFacts,
  framework: ScaffoldFramework,
  auditNames: AuditNames,
  policyModule: string | undefined,
): Promise<RuntimeLookup> {
  const name = runtimeNames(framework, auditNames);
  const extensions = framework === 'fastapi' ? /\.py$/ : /\.(c|m)?(j|t)sx?$/;
  const candidates = facts.files
    .filter((f) => extensions.test(f) && !/(^|\/)(tests?|__tests__|spec)\//.test(f) && !/\.(test|spec)\.[cm]?[jt]sx?$/.test(f) && !/(^|\/)test_[^/]*\.py$/.test(f))
    // Likely places first: files named after the control or under a security/audit folder.
    .sort((a, b) => likelihood(b) - likelihood(a))
    .slice(0, MAX_SOURCES_READ);
  let existing: string | undefined;
  for (const file of candidates) {
    const text = await reader.read(file);
    if (text && definesAuditRuntime(text.slice(0, MAX_SOURCE_CHARS), name)) {
      existing = file;
      break;
    }
  }
  // An Express project's existing runtime may be TypeScript; the generated JS imports it without extension either way.
  const runtimePath = existing ?? runtimePathFromPolicy(framework, policyModule);
  return { existing, layout: detectLayout(framework, facts.files, { packageJson: facts.packageJson, runtimePath }) };
}

function likelihood(file: string): number {
  return (/(phi[-_]?access|audit)/i.test(file) ? 2 : 0) + (/(^|\/)(security|auth|middleware)s?\//i.test(file) ? 1 : 0);
}
