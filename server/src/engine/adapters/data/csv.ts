// CSV and TSV: the header row names the columns, and each cell is a value under its column,
// with the row's other columns as its record. Quoted cells (RFC 4180) may hold separators,
// doubled quotes and line breaks. Read in one pass over the text, row by row.

import { DataValues, fileRecordName } from './values';

export function readDelimited(text: string, separator: ',' | '\t', filePath: string, values: DataValues): void {
  const record = fileRecordName(filePath);
  let header: string[] | undefined;
  let row: { value: string; start: number; end: number; quoted: boolean }[] = [];
  let i = 0;
  const length = text.length;
  while (i <= length) {
    // One cell.
    let value = '';
    let start = i;
    let end = i;
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      start = i;
      while (i < length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          break;
        }
        value += text[i++];
      }
      end = i;
      i++; // closing quote
      while (i < length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') i++;
    } else {
      while (i < length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
      end = i;
    }
    row.push({ value, start, end, quoted });
    if (i < length && text[i] === separator) {
      i++;
      continue;
    }
    // End of the row.
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    if (!header) {
      header = row.map((cell) => cell.value.trim());
    } else if (!(row.length === 1 && row[0].value === '')) {
      for (let column = 0; column < row.length; column++) {
        const cell = row[column];
        const key = header[column];
        if (!cell.value.trim()) continue;
        values.add(cell.value, cell.start, cell.end, { key, context: [record], siblingKeys: header, recordId: row[0].start }, !cell.value.includes('"'));
      }
    }
    row = [];
  }
}
