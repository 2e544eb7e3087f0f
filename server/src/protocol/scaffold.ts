// *Scaffold PHI endpoint*: the client asks the questions, the server does the rest. Every request
// names the folder the user chose and its workspace folder; the server works out the project
// (the nearest folder with a manifest), its framework and layout and the policy each time, so
// no state is kept between the questions.

import type { DataCategory, ScaffoldFramework, ScaffoldOperation } from '../scaffold/types';
import { request } from './messages';

export type { DataCategory, ScaffoldFramework, ScaffoldOperation } from '../scaffold/types';

export interface ScaffoldTarget {
  /** The folder chosen (`file:` URI): the router goes there when it is not the project root. */
  folder: string;
  /** Its workspace folder (`file:` URI): settings, and how far up to look for the project. */
  workspaceFolder: string;
}

export interface ScaffoldOptionsResult {
  frameworks: ScaffoldFramework[];
  /** Those the project uses, most likely first. */
  detected: ScaffoldFramework[];
  operations: ScaffoldOperation[];
  categories: DataCategory[];
  /** The policy's role map: role -> the data categories it may access (`*` = all). */
  roleMap: Record<string, string[]>;
  /** For each category: the roles the policy permits, and those picked by default. */
  roles: Record<DataCategory, { permitted: string[]; defaults: string[] }>;
}

export interface ScaffoldResourceResult {
  /** Why the name cannot be a resource, when it cannot. */
  problem?: string;
  /** The data category the name suggests (`lab_result` -> clinical). */
  suggestedCategory?: DataCategory;
}

export interface ScaffoldAnswers {
  framework: ScaffoldFramework;
  resource: string;
  operations: ScaffoldOperation[];
  category: DataCategory;
  roles: string[];
}

export interface ScaffoldRuntimeResult {
  /** The project's file that defines the audit control (relative to the project), if it has one. */
  existing?: string;
  /** Where a new runtime would go (relative to the project). */
  path: string;
  /** The audit control's name the generated code uses (`phi_access`, `phiAccess`, `PhiAccess`). */
  control: string;
}

export interface ScaffoldWriteParams extends ScaffoldTarget {
  answers: ScaffoldAnswers;
  /** Also write the runtime (only when the project has none). */
  withRuntime: boolean;
  /** Replace files that exist (the user said so). */
  overwrite: boolean;
}

export type ScaffoldWriteResult =
  | {
      status: 'written';
      /** `file:` URIs of the files written. */
      files: string[];
      /** The router / controller, to open. */
      primary: string;
      /** The generated test, when there is one. */
      test?: string;
      /** How to run the generated test, one line. */
      testCommand: string;
    }
  /** Files that exist (paths relative to the workspace folder) and `overwrite` was not set: nothing was written. */
  | { status: 'exists'; files: string[] }
  /** The answers cannot be generated, or a write was refused (a symbolic link in the way): nothing was written. */
  | { status: 'refused'; problems: string[] };

export const ScaffoldOptionsRequest = request<ScaffoldTarget, ScaffoldOptionsResult>('phiGuard/scaffold/options');
export const ScaffoldResourceRequest = request<{ resource: string }, ScaffoldResourceResult>('phiGuard/scaffold/resource');
export const ScaffoldRuntimeRequest = request<ScaffoldTarget & { framework: ScaffoldFramework }, ScaffoldRuntimeResult>('phiGuard/scaffold/runtime');
export const ScaffoldWriteRequest = request<ScaffoldWriteParams, ScaffoldWriteResult>('phiGuard/scaffold/write');
