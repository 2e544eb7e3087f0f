import * as path from 'node:path';
import type { DataLanguageId, LanguageId } from './types';

const byExtension: Record<string, LanguageId> = {
  '.py': 'python',
  '.pyi': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  // No tree-sitter grammar: a line parser gives the models (adapters/prisma/schema-parser.ts).
  '.prisma': 'prisma',
  // Data files: only phi-literal reads them, for PHI written down as values (adapters/data/).
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.hl7': 'hl7',
  '.ipynb': 'ipynb',
};

/** Every file extension the engine analyses; discovery and the pre-commit hook take theirs from it. */
export const SUPPORTED_EXTENSIONS = Object.keys(byExtension);

/**
 * Environment samples (`.env`, `.env.example`, `.env.local`...) are named, not extended: a name
 * starting `.env` is one. Discovery and the pre-commit hook add this to SUPPORTED_EXTENSIONS.
 */
export const ENV_FILE_PATTERN = /^\.env(?:\.[\w.-]+)?$/i;

/**
 * Data files that are never PHI a person wrote: dependency lockfiles (and the like) hold
 * package names and hashes, and are large.
 */
const GENERATED_DATA_FILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'composer.lock',
  'poetry.lock',
  'pipfile.lock',
  'bun.lock',
  'deno.lock',
]);

/**
 * The pre-commit hook's `files` pattern (.pre-commit-hooks.yaml; a test checks they agree): every
 * extension of SUPPORTED_EXTENSIONS, and `.env` samples by name.
 */
export function preCommitFilesPattern(): string {
  return `(?i)(\\.(${SUPPORTED_EXTENSIONS.map((extension) => extension.slice(1)).join('|')})|(^|/)\\.env(\\.[\\w.-]+)?)$`;
}

/** The hook's `exclude` pattern: declaration files and the lockfiles the engine never reads. */
export function preCommitExcludePattern(): string {
  return `(?i)(\\.d\\.ts|(^|/)(${[...GENERATED_DATA_FILES].map((name) => name.replace(/[.]/g, '\\.')).join('|')}))$`;
}

/** PHI Guard's own policy file is configuration, checked by the policy loader, not data. */
const POLICY_FILE = 'phi-guard.json';

const DATA_LANGUAGES: ReadonlySet<LanguageId> = new Set<DataLanguageId>(['json', 'jsonl', 'yaml', 'csv', 'tsv', 'hl7', 'ipynb', 'dotenv']);

export function languageFromPath(filePath: string): LanguageId | undefined {
  if (filePath.endsWith('.d.ts')) return undefined;
  const base = path.basename(filePath);
  const extension = path.extname(filePath).toLowerCase();
  // `.env.ts` is code; `.env`, `.env.example` are samples.
  if (ENV_FILE_PATTERN.test(base) && !(extension in byExtension)) return 'dotenv';
  if (GENERATED_DATA_FILES.has(base.toLowerCase()) || base === POLICY_FILE) return undefined;
  return byExtension[extension];
}

export function isLanguageId(value: string): value is LanguageId {
  return Object.values(byExtension).includes(value as LanguageId) || value === 'dotenv';
}

/** Whether the language is a data file's (values only, no code). */
export function isDataLanguage(languageId: LanguageId): languageId is DataLanguageId {
  return DATA_LANGUAGES.has(languageId);
}
