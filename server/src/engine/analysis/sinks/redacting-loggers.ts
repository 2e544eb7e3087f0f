// Whether a log call goes through a logger the project made to redact PHI itself (the
// workspace's `redactingLoggers`, workspace/redacting-loggers.ts): the logger bound in this file,
// or imported by name from the workspace module that makes it (`import { logger } from
// '../lib/logger'`; Python `from app.log import logger`). Anything else — another logger, a child
// logger, a logger handed in as a parameter — is not assumed to redact.

import * as path from 'node:path';
import type { RedactingLogger } from '../../model/audit-context';
import type { CallFact, FileFacts } from '../../model/facts';
import { importOf } from '../../model/facts-index';

export function logsThroughRedactingLogger(fact: CallFact, facts: FileFacts, filePath: string, loggers: readonly RedactingLogger[] | undefined): boolean {
  const { callee } = fact.call;
  if (!loggers?.length || callee.kind !== 'member' || callee.object.kind !== 'name') return false;
  const receiver = callee.object.name;
  const here = path.resolve(filePath);
  const imported = importOf(facts, receiver);
  if (!imported) return loggers.some((logger) => logger.name === receiver && path.resolve(logger.file) === here);
  const target = moduleStem(here, imported.module, facts.language === 'python');
  if (!target) return false;
  return loggers.some((logger) => logger.name === imported.imported && sameModule(stemOf(path.resolve(logger.file)), target));
}

/** A module's path without its extension, `index` / `__init__` dropped. */
function stemOf(file: string): string {
  return file.replace(/\.[cm]?[jt]sx?$|\.py$/, '').replace(/[\\/](index|__init__)$/, '');
}

/** The workspace module an import names, as a stem: relative TS paths, relative or absolute Python modules. */
function moduleStem(from: string, module: string, python: boolean): string | undefined {
  if (!python) return module.startsWith('.') ? stemOf(path.resolve(path.dirname(from), module)) : undefined;
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots).split('.').filter(Boolean).join('/');
  if (dots) {
    let folder = path.dirname(from);
    for (let level = 1; level < dots; level++) folder = path.dirname(folder);
    return stemOf(path.join(folder, rest));
  }
  // `from app.log import logger`: matched by its trailing path (the project root is not known here).
  return `*/${rest}`;
}

function sameModule(stem: string, target: string): boolean {
  if (!target.startsWith('*/')) return stem === target;
  const tail = target.slice(1);
  return stem.split(path.sep).join('/').endsWith(tail);
}
