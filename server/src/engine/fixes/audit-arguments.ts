// How the endpoint rules' fixes write an audit control's arguments (action, data category,
// roles): as Python keyword arguments or a TS/JS object, in the quote the file mostly uses.

import type { FileFacts } from '../model/facts';
import type { Position } from '../model/types';

export interface AuditArguments {
  action: string;
  category: string;
  roles: string[];
}

export function pythonArgs(args: AuditArguments, quote: string): string {
  const q = (value: string) => `${quote}${value}${quote}`;
  return `action=${q(args.action)}, data_category=${q(args.category)}, roles=[${args.roles.map(q).join(', ')}]`;
}

export function tsObject(args: AuditArguments, quote: string): string {
  const q = (value: string) => `${quote}${value}${quote}`;
  return `{ action: ${q(args.action)}, dataCategory: ${q(args.category)}, roles: [${args.roles.map(q).join(', ')}] }`;
}

/** The quote most of the file's string literals use (Python defaults to `"`, TS/JS to `'`). */
export function preferredQuote(facts: FileFacts): string {
  const sample = facts.text.slice(0, 20_000);
  const double = (sample.match(/"/g) ?? []).length;
  const single = (sample.match(/'/g) ?? []).length;
  if (facts.language === 'python') return single > double * 2 ? "'" : '"';
  return double > single * 2 ? '"' : "'";
}

/** An empty range at a position: where an insertion goes. */
export function point(line: number, character: number): { start: Position; end: Position } {
  return { start: { line, character }, end: { line, character } };
}
