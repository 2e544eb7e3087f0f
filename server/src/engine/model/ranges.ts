// Positions and ranges as LSP has them (0-based lines, UTF-16 code units), so the server passes
// them through untouched and the CLI adds 1 for SARIF and text output; and the one way a syntax
// node's span becomes a Range.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Whether `inner` lies inside `outer` (ends included). */
export function within(inner: Range, outer: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * What a range is read from: a tree-sitter node's start and end points. Named by shape, so the
 * model (and the policy module, which imports Range from here) depends on no parser.
 */
export interface SyntaxSpan {
  startPosition: { row: number; column: number };
  endPosition: { row: number; column: number };
}

export function rangeOf(node: SyntaxSpan): Range {
  // A syntax node's end is a call into WebAssembly on every read (its start is not): read once.
  const end = node.endPosition;
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: end.row, character: end.column },
  };
}

export function startOf(node: SyntaxSpan): Position {
  return { line: node.startPosition.row, character: node.startPosition.column };
}

export function endOf(node: SyntaxSpan): Position {
  const end = node.endPosition;
  return { line: end.row, character: end.column };
}
