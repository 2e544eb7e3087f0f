import * as path from 'node:path';
import type { LanguageId } from './types';

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
};

export const SUPPORTED_EXTENSIONS = Object.keys(byExtension);

export function languageFromPath(filePath: string): LanguageId | undefined {
  if (filePath.endsWith('.d.ts')) return undefined;
  return byExtension[path.extname(filePath).toLowerCase()];
}

export function isLanguageId(value: string): value is LanguageId {
  return Object.values(byExtension).includes(value as LanguageId);
}
