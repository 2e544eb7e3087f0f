// HL7 v2 messages (`.hl7` files, and string literals starting `MSH|`): the patient fields of PID
// and NK1 segments, keyed `PID-5`, `NK1-2`... Segments end at CR, LF or CRLF (and at the `\r`
// escapes a string literal writes them with); fields split at `|`, repetitions at `~`,
// components at `^`.

/** One field's value with its offsets in the text given. */
export interface Hl7Field {
  key: string;
  value: string;
  start: number;
  end: number;
  /** Where its message (its `MSH` segment) starts: the fields of one message are one record. */
  message: number;
}

/** Fields whose whole first repetition is the value (names: `FAMILY^GIVEN`); the others keep their first component. */
const WHOLE_FIELDS = new Set(['PID-5', 'PID-6', 'PID-9', 'NK1-2']);
const PATIENT_SEGMENTS = new Set(['PID', 'NK1']);

export function looksLikeHl7(text: string): boolean {
  return /^\s*MSH\|/.test(text);
}

export function hl7Fields(text: string): Hl7Field[] {
  const fields: Hl7Field[] = [];
  let message = 0;
  const segment = /[^\r\n]+/g;
  for (let match = segment.exec(text); match; match = segment.exec(text)) {
    // A literal's `\r` escapes separate segments too.
    let offset = match.index;
    for (const part of match[0].split(/\\r|\\n/)) {
      if (part.startsWith('MSH|')) message = offset;
      readSegment(part, offset, message, fields);
      offset += part.length + 2;
    }
  }
  return fields;
}

function readSegment(segment: string, offset: number, message: number, into: Hl7Field[]): void {
  const name = segment.slice(0, 3);
  if (!PATIENT_SEGMENTS.has(name) || segment[3] !== '|') return;
  let start = offset + 4;
  const parts = segment.slice(4).split('|');
  for (let i = 0; i < parts.length; i++) {
    const key = `${name}-${i + 1}`;
    const repetition = parts[i].split('~')[0];
    const value = WHOLE_FIELDS.has(key) ? repetition.replace(/\^+$/, '') : repetition.split('^')[0];
    if (value) into.push({ key, value, start, end: start + value.length, message });
    start += parts[i].length + 1;
  }
}
