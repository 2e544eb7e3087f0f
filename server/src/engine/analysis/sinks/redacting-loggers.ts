// Whether a log call goes through a logger the project made to redact PHI itself (the
// workspace's `redactingLoggers`, workspace/redacting-loggers.ts): the logger bound in this file,
// or imported by name from the workspace module that makes it (`import { logger } from
// '../lib/logger'`; Python `from app.log import logger`). Anything else — another logger, a child
// logger, a logger handed in as a parameter — is not assumed to redact.

import * as path from 'node:path';
import type { LoggerReference, RedactingLogger } from '../../model/audit-context';
import type { Argument, CallFact, FileFacts } from '../../model/facts';
import { importOf } from '../../model/facts-index';

/** The redacting logger a log call goes through, if any. */
export function redactingLoggerOf(fact: CallFact, facts: FileFacts, filePath: string, loggers: readonly RedactingLogger[] | undefined): RedactingLogger | undefined {
  if (!loggers?.length) return undefined;
  const logger = loggerOf(fact, facts);
  return logger && redactingLoggerFor(logger, filePath, loggers);
}

/**
 * Which logger a log call goes through, read from its own file only: the receiver bound in the
 * file, or imported by name from a module. Kept in a helper's summary, so that a caller judges
 * the helper's log against the project's redacting loggers (which the summary does not know).
 */
export function loggerOf(fact: CallFact, facts: FileFacts): LoggerReference | undefined {
  const { callee } = fact.call;
  if (callee.kind !== 'member' || callee.object.kind !== 'name') return undefined;
  const receiver = callee.object.name;
  const imported = importOf(facts, receiver);
  return imported ? { name: imported.imported, module: imported.module } : { name: receiver };
}

/** The redacting logger a log call in `filePath` goes through, by the logger it names. */
export function redactingLoggerFor(logger: LoggerReference, filePath: string, loggers: readonly RedactingLogger[] | undefined): RedactingLogger | undefined {
  if (!loggers?.length) return undefined;
  const here = path.resolve(filePath);
  if (logger.module === undefined) return loggers.find((candidate) => candidate.name === logger.name && path.resolve(candidate.file) === here);
  const target = moduleStem(here, logger.module, here.endsWith('.py'));
  if (!target) return undefined;
  return loggers.find((candidate) => candidate.name === logger.name && sameModule(stemOf(path.resolve(candidate.file)), target));
}

/**
 * Whether a redacting logger quiets a value logged through it whatever key it is logged under:
 * every value (no key list), or this value's elements, found by pattern.
 */
export function redactsWhole(logger: RedactingLogger, elements: readonly { element: string }[]): boolean {
  return !logger.redactedKeys || onlyPatternRedacted(elements, logger);
}

/**
 * The arguments of a call through a key-list redacting logger as they are written out: object
 * entries logged under a redacted key dropped (the logger redacts them), everything else kept.
 */
export function unredactedArguments(args: Argument[], logger: RedactingLogger): Argument[] {
  const keys = new Set(logger.redactedKeys ?? []);
  return args.map((arg) =>
    arg.value.kind === 'object' ? { ...arg, value: { ...arg.value, entries: arg.value.entries.filter((entry) => entry.spread || entry.key === undefined || !keys.has(entry.key.toLowerCase())) } } : arg,
  );
}

/** Whether every PHI element of a value is one the logger's redaction finds by pattern in any value (a phone number, an e-mail). */
export function onlyPatternRedacted(elements: readonly { element: string }[], logger: RedactingLogger): boolean {
  const found = new Set(logger.patternElements ?? []);
  return elements.length > 0 && elements.every((element) => found.has(element.element));
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
