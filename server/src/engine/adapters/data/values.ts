// What every data-file reader shares: turning offsets into ranges for the values it finds.

import type { DataValueFact } from '../../model/facts';
import { positionAt } from '../../model/text';

/** Collects a file's values; `add` takes offsets into the file's text. */
export class DataValues {
  readonly values: DataValueFact[] = [];

  constructor(private readonly lineStarts: readonly number[]) {}

  add(value: string, start: number, end: number, fields: Omit<DataValueFact, 'value' | 'range' | 'replaceable'>, replaceable = true): void {
    this.values.push({ value, range: { start: positionAt(this.lineStarts, start), end: positionAt(this.lineStarts, end) }, replaceable, ...fields });
  }
}

/** The file's name without folders and extension: a record name (`patients.csv`). */
export function fileRecordName(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.[^.]*$/, '');
}
