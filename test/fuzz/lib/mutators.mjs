// Input generators, one per fuzz category. Each takes a Random and the engine (for the
// grammar-aware mutations, which parse the seed with the engine's own tree-sitter) and returns
// { languageId, path, text, note, options? } — `note` says what was done, for the crash file.

import { EXTENSION_BY_LANGUAGE, LANGUAGES, sourceCorpus } from './corpus.mjs';

const TOKENS = {
  python: ['def ', 'class ', 'async ', 'await ', 'return ', 'if ', 'else:', 'elif ', 'for ', 'in ', 'while ', 'try:', 'except ', 'finally:',
    'with ', 'as ', 'lambda ', 'yield ', 'import ', 'from ', '@', '@app.get("/p/{id}")', 'logger', 'logging', '.info(', '.error(', 'print(',
    'raise ', 'Exception(', 'patient', '.ssn', '.dob', '.name', '.first_name', 'f"', '"', "'", '"""', "'''", '{', '}', '(', ')', '[', ']',
    ':', ',', '.', '=', '==', '+', '%', '*', '**', '#', '# phi-guard-ignore[phi-in-log]: ok', '\n', '    ', '\t', ' ', 'x', 'y', '1', '0x1F',
    'None', 'True', 'requests.post(', 'openai.chat.completions.create(', 'Column(String', 'sk-', 'os.environ', 'extra={', '}', '\\', '\r\n'],
  typescript: ['function ', 'const ', 'let ', 'var ', 'class ', 'interface ', 'type ', '=>', 'async ', 'await ', 'return ', 'if (', 'else ',
    'for (', 'while (', 'try {', 'catch (e) {', 'finally {', 'import ', 'from ', 'export ', 'default ', '@', '@PhiAccess(', 'app.get(',
    "'/p/:id'", 'router.post(', '(req, res) =>', 'console.log(', 'logger.info(', 'throw new Error(', 'patient', '.ssn', '.dob', '.name',
    '`', '${', '"', "'", '/*', '*/', '//', '// phi-guard-ignore[phi-in-log]: ok', '{', '}', '(', ')', '[', ']', '<', '>', '</', '/>', ':',
    ';', ',', '.', '=', '===', '+', '?.', '??', '...', '\n', '  ', '\t', ' ', 'x', 'y', '1', 'null', 'undefined', 'fetch(', 'axios.post(',
    'openai.chat.completions.create(', 'sk-', 'process.env.', '<div>', '{patient.ssn}', '/re/g', '\\', '\r\n'],
  prisma: ['model ', 'enum ', 'datasource ', 'generator ', 'Patient ', '{', '}', 'id ', 'Int ', 'String ', 'DateTime ', '@id', '@default(',
    '@unique', '@@map(', 'ssn ', 'dob ', 'diagnosis ', '///', '//', '"', '?', '[]', '(', ')', '\n', '  ', '\t', ' ', '=', 'autoincrement()'],
};
TOKENS.typescriptreact = TOKENS.typescript;
TOKENS.javascript = TOKENS.typescript;
TOKENS.javascriptreact = TOKENS.typescript;

/** A file path for the input: mostly ordinary, sometimes one that rules treat specially. */
function pathFor(random, languageId) {
  const ext = EXTENSION_BY_LANGUAGE[languageId];
  const base = random.weighted([
    [8, 'fuzz/input'],
    [1, 'tests/test_input'],
    [1, 'app/urls'],
    [1, 'src/__tests__/input.test'],
    [1, 'migrations/0001_init'],
    [1, 'dir with spaces/ünïcödé'],
  ]);
  return `${base}${ext}`;
}

function seedFile(random, languageId) {
  const corpus = sourceCorpus();
  const matching = languageId ? corpus.filter((entry) => entry.languageId === languageId) : corpus;
  return random.pick(matching.length ? matching : corpus);
}

function insertAt(text, offset, insert) {
  return text.slice(0, offset) + insert + text.slice(offset);
}

function randomOffset(random, text) {
  return random.int(0, text.length);
}

/** Offsets of line starts (to insert whole-line content). */
function lineStartOffsets(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

// ---------------------------------------------------------------------------------------------
// random bytes and token soup

export function randomBytes(random) {
  const languageId = random.pick(LANGUAGES);
  const length = random.weighted([[3, random.int(0, 64)], [4, random.int(64, 2048)], [1, random.int(2048, 32768)]]);
  const bytes = random.bytes(length);
  // Decoded as the CLI reads files: invalid UTF-8 becomes U+FFFD. Some inputs are kept as
  // "binary-ish" (with NULs), most have NULs replaced so the parser actually sees them.
  if (random.bool(0.8)) for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) bytes[i] = 0x20;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return { languageId, path: pathFor(random, languageId), text, note: `${length} random bytes` };
}

export function tokenSoup(random) {
  const languageId = random.pick(LANGUAGES);
  const tokens = TOKENS[languageId];
  const count = random.weighted([[3, random.int(1, 50)], [3, random.int(50, 500)], [1, random.int(500, 5000)]]);
  let text = '';
  for (let i = 0; i < count; i++) text += random.pick(tokens);
  return { languageId, path: pathFor(random, languageId), text, note: `${count} random tokens` };
}

// ---------------------------------------------------------------------------------------------
// grammar-aware subtree mutations

/** Every node of the tree as {start, end, type, named}, iteratively (deep trees must not overflow). */
function collectNodes(engine, languageId, text, limit = 20_000) {
  const document = new engine.ParsedDocument(languageId, text);
  try {
    if (!document.hasTree) return [];
    const nodes = [];
    const stack = [document.tree.rootNode];
    while (stack.length && nodes.length < limit) {
      const node = stack.pop();
      nodes.push({ start: node.startIndex, end: node.endIndex, type: node.type, named: node.isNamed });
      for (let i = node.childCount - 1; i >= 0; i--) stack.push(node.child(i));
    }
    return nodes;
  } finally {
    document.dispose();
  }
}

/** Statement-like units for Prisma (no grammar): lines and `{ ... }` blocks. */
function prismaNodes(text) {
  const nodes = [];
  const starts = lineStartOffsets(text);
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    nodes.push({ start: starts[i], end, type: 'line', named: true });
  }
  const blockPattern = /(model|enum|datasource|generator)\s+\w+\s*\{[^}]*\}/g;
  for (const match of text.matchAll(blockPattern)) nodes.push({ start: match.index, end: match.index + match[0].length, type: 'block', named: true });
  return nodes;
}

function nodesOf(engine, languageId, text) {
  return languageId === 'prisma' ? prismaNodes(text) : collectNodes(engine, languageId, text);
}

export function subtreeMutation(random, engine) {
  const seed = seedFile(random);
  const { languageId } = seed;
  let text = seed.text;
  const steps = random.int(1, 4);
  const done = [];
  for (let step = 0; step < steps; step++) {
    const nodes = nodesOf(engine, languageId, text).filter((node) => node.end > node.start);
    if (nodes.length < 2) break;
    const node = random.pick(nodes);
    const operation = random.weighted([[3, 'delete'], [3, 'duplicate'], [3, 'swap'], [2, 'splice'], [1, 'wrap']]);
    if (operation === 'delete') {
      text = text.slice(0, node.start) + text.slice(node.end);
    } else if (operation === 'duplicate') {
      const copy = text.slice(node.start, node.end);
      const separator = random.pick(['', '\n', ' ', ', ', '; ']);
      text = text.slice(0, node.end) + separator + copy + text.slice(node.end);
    } else if (operation === 'swap') {
      // A second node that does not overlap the first; prefer one of the same type.
      const sameType = nodes.filter((other) => other.type === node.type && (other.end <= node.start || other.start >= node.end));
      const disjoint = sameType.length ? sameType : nodes.filter((other) => other.end <= node.start || other.start >= node.end);
      if (!disjoint.length) continue;
      const other = random.pick(disjoint);
      const [first, second] = node.start < other.start ? [node, other] : [other, node];
      text =
        text.slice(0, first.start) +
        text.slice(second.start, second.end) +
        text.slice(first.end, second.start) +
        text.slice(first.start, first.end) +
        text.slice(second.end);
    } else if (operation === 'splice') {
      // A subtree of another file of the same language replaces this one.
      const donor = seedFile(random, languageId);
      const donorNodes = nodesOf(engine, languageId, donor.text).filter((other) => other.end > other.start);
      const sameType = donorNodes.filter((other) => other.type === node.type);
      const replacement = random.pick(sameType.length ? sameType : donorNodes);
      if (!replacement) continue;
      text = text.slice(0, node.start) + donor.text.slice(replacement.start, replacement.end) + text.slice(node.end);
    } else {
      const [open, close] = random.pick([['(', ')'], ['[', ']'], ['{', '}'], ['f(', ')'], ['"', '"'], ['`${', '}`']]);
      text = text.slice(0, node.start) + open + text.slice(node.start, node.end) + close + text.slice(node.end);
    }
    done.push(`${operation} ${node.type}@${node.start}`);
  }
  return { languageId, path: pathFor(random, languageId), text, note: `${seed.file}: ${done.join(', ')}` };
}

// ---------------------------------------------------------------------------------------------
// unclosed strings, brackets and comments

export function unclosedMutation(random) {
  const seed = seedFile(random);
  const { languageId } = seed;
  let text = seed.text;
  const steps = random.int(1, 3);
  const done = [];
  for (let step = 0; step < steps; step++) {
    const operation = random.weighted([[3, 'open-string'], [3, 'open-bracket'], [2, 'drop-closer'], [1, 'open-comment'], [1, 'truncate']]);
    if (operation === 'open-string') {
      const quote = random.pick(languageId === 'python' ? ['"', "'", '"""', "'''", 'f"', 'f"{', 'r"\\'] : ['"', "'", '`', '`${', '/', '"\\']);
      text = insertAt(text, randomOffset(random, text), quote);
    } else if (operation === 'open-bracket') {
      const bracket = random.pick(['(', '[', '{', '((', '{[(', '<', '<div>', '${']);
      text = insertAt(text, randomOffset(random, text), bracket);
    } else if (operation === 'drop-closer') {
      const closers = [];
      for (let i = 0; i < text.length; i++) if (')]}>"\'`'.includes(text[i])) closers.push(i);
      if (closers.length) {
        const at = random.pick(closers);
        text = text.slice(0, at) + text.slice(at + 1);
      }
    } else if (operation === 'open-comment') {
      text = insertAt(text, randomOffset(random, text), languageId === 'python' ? '"""' : '/*');
    } else {
      text = text.slice(0, randomOffset(random, text));
    }
    done.push(operation);
  }
  return { languageId, path: pathFor(random, languageId), text, note: `${seed.file}: ${done.join(', ')}` };
}

// ---------------------------------------------------------------------------------------------
// 10,000-deep nesting

export function deepNesting(random) {
  const depth = random.weighted([[3, 10_000], [1, random.int(100, 3000)], [1, 20_000]]);
  const languageId = random.pick(['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact']);
  const py = languageId === 'python';
  const shape = random.pick(['parens', 'calls', 'lists', 'objects', 'binary', 'unbalanced', 'template', 'blocks', 'attributes', 'lambda', 'jsx']);
  let text;
  const sink = py ? 'logger.info("x %s", ' : 'console.log("x", ';
  switch (shape) {
    case 'parens':
      text = `${sink}${'('.repeat(depth)}patient.ssn${')'.repeat(depth)})\n`;
      break;
    case 'calls':
      text = `${sink}${'f('.repeat(depth)}patient.dob${')'.repeat(depth)})\n`;
      break;
    case 'lists':
      text = `x = ${'['.repeat(depth)}patient.name${']'.repeat(depth)}\n${sink}x)\n`;
      break;
    case 'objects':
      text = py
        ? `x = ${'{"a": '.repeat(depth)}patient.ssn${'}'.repeat(depth)}\n${sink}x)\n`
        : `const x = ${'{a: '.repeat(depth)}patient.ssn${'}'.repeat(depth)};\n${sink}x);\n`;
      break;
    case 'binary':
      text = `${sink}${'patient.ssn + '.repeat(depth)}1)\n`;
      break;
    case 'unbalanced':
      text = `${sink}${random.pick(['(', '[', '{']).repeat(depth)}patient.ssn\n`;
      break;
    case 'template':
      text = py
        ? `${sink}${'f"{'.repeat(Math.min(depth, 2000))}patient.ssn${'}"'.repeat(Math.min(depth, 2000))})\n`
        : `${sink}${'`${'.repeat(depth)}patient.ssn${'}`'.repeat(depth)})\n`;
      break;
    case 'blocks': {
      // Indentation grows quadratically in Python: cap the depth so the file stays < 20 MB.
      const d = py ? Math.min(depth, 1500) : depth;
      if (py) {
        let out = '';
        for (let i = 0; i < d; i++) out += `${' '.repeat(i)}if x:\n`;
        text = `${out}${' '.repeat(d)}${sink}patient.ssn)\n`;
      } else {
        text = `function f(patient) {\n${'if (x) {'.repeat(d)}${sink}patient.ssn);${'}'.repeat(d)}\n}\n`;
      }
      break;
    }
    case 'attributes':
      text = `${sink}patient${'.next'.repeat(depth)}.ssn)\n`;
      break;
    case 'lambda':
      text = py
        ? `f = ${'lambda: '.repeat(depth)}${sink}patient.ssn)\n`
        : `const f = ${'() => '.repeat(depth)}${sink}patient.ssn);\n`;
      break;
    default:
      text = py ? `x = ${'('.repeat(depth)}\n` : `const x = ${'<div>'.repeat(depth)}{patient.ssn}${'</div>'.repeat(depth)};\n`;
  }
  return { languageId, path: pathFor(random, languageId), text, note: `${shape} x${depth}` };
}

// ---------------------------------------------------------------------------------------------
// long single lines (the 50 MB one is rare: it costs ~1 s to build)

export function longLine(random, _engine, { allowHuge = true } = {}) {
  const languageId = random.pick(['python', 'typescript', 'javascript']);
  const py = languageId === 'python';
  const size = random.weighted([
    [allowHuge ? 1 : 0, 50 * 1024 * 1024],
    [3, random.int(4_000, 19_000)],
    [3, random.int(20_000, 300_000)],
    [2, random.int(300_000, 1_500_000)],
  ]);
  const kind = random.pick(['string', 'statements', 'call-args', 'comment']);
  let text;
  if (kind === 'string') {
    text = `x = "${'a'.repeat(size)}"; ${py ? 'logger.info("x %s", patient.ssn)' : 'console.log(patient.ssn);'}`;
  } else if (kind === 'statements') {
    const unit = py ? 'logger.info("x %s", patient.ssn); ' : 'console.log(patient.ssn); ';
    text = unit.repeat(Math.ceil(size / unit.length));
  } else if (kind === 'call-args') {
    text = `${py ? 'logger.info("x"' : 'console.log("x"'}${', patient.dob'.repeat(Math.ceil(size / 13))})`;
  } else {
    text = `${py ? '#' : '//'} ${'patient.ssn '.repeat(Math.ceil(size / 12))}`;
  }
  // The limit is the engine default most of the time; sometimes raised so the long line reaches
  // the minified check (and, when short enough, the parser).
  const options = random.bool(0.5) ? { maxFileSizeKb: 64 * 1024 } : undefined;
  return { languageId, path: pathFor(random, languageId), text, note: `${kind} line of ${text.length} chars`, options };
}

// ---------------------------------------------------------------------------------------------
// encodings and whitespace: invalid UTF-8, lone surrogates, BOMs, CRLF / CR, tabs vs spaces

export function encodingMutation(random) {
  const seed = seedFile(random);
  const { languageId } = seed;
  let text = seed.text;
  const steps = random.int(1, 3);
  const done = [];
  for (let step = 0; step < steps; step++) {
    const operation = random.weighted([
      [3, 'invalid-utf8'],
      [2, 'lone-surrogate'],
      [2, 'bom'],
      [3, 'crlf'],
      [1, 'cr-only'],
      [1, 'mixed-eol'],
      [3, 'tabs'],
      [1, 'mixed-indent'],
      [1, 'unicode'],
      [1, 'nul'],
    ]);
    if (operation === 'invalid-utf8') {
      const bytes = Buffer.from(text, 'utf8');
      const garbage = random.pick([[0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x80, 0x80, 0x80]]);
      const at = random.int(0, bytes.length);
      const mutated = Buffer.concat([bytes.subarray(0, at), Buffer.from(garbage), bytes.subarray(at)]);
      text = new TextDecoder('utf-8', { fatal: false }).decode(mutated);
    } else if (operation === 'lone-surrogate') {
      text = insertAt(text, randomOffset(random, text), random.pick(['\ud800', '\udfff', '\udc00x', '\ud83d']));
    } else if (operation === 'bom') {
      text = random.bool(0.7) ? `\ufeff${text}` : insertAt(text, randomOffset(random, text), '\ufeff');
    } else if (operation === 'crlf') {
      text = text.replace(/\r?\n/g, '\r\n');
    } else if (operation === 'cr-only') {
      text = text.replace(/\r?\n/g, '\r');
    } else if (operation === 'mixed-eol') {
      text = text.replace(/\n/g, () => random.pick(['\n', '\r\n', '\r', '\u2028', '\u0085']));
    } else if (operation === 'tabs') {
      text = text.replace(/^( {4}|  )+/gm, (indent) => '\t'.repeat(Math.ceil(indent.length / 4)));
    } else if (operation === 'mixed-indent') {
      text = text.replace(/^ {4}/gm, () => random.pick(['\t', '    ', '  \t', '\t  ']));
    } else if (operation === 'unicode') {
      text = insertAt(text, randomOffset(random, text), random.pick(['é', '😀', '\u200b', '\u202e', 'ﬁ', '\u0301', '𝓅𝒶𝓉𝒾𝑒𝓃𝓉', '患者']));
    } else {
      text = insertAt(text, randomOffset(random, text), '\u0000');
    }
    done.push(operation);
  }
  return { languageId, path: pathFor(random, languageId), text, note: `${seed.file}: ${done.join(', ')}` };
}

// ---------------------------------------------------------------------------------------------
// incremental edits: the language server's path (ParsedDocument.applyChanges)

/** Random LSP content changes against a text; returns { changes: [[change, ...], ...] } batches. */
export function editSequence(random, text) {
  const batches = [];
  let current = text;
  const count = random.int(1, 30);
  for (let b = 0; b < count; b++) {
    const batch = [];
    const size = random.weighted([[5, 1], [1, random.int(2, 5)]]);
    for (let i = 0; i < size; i++) {
      const lines = current.split(/\r\n|\r|\n/);
      const position = () => {
        const line = random.int(0, lines.length); // may be one past the end: the server clamps
        const character = random.int(0, (lines[line]?.length ?? 0) + (random.bool(0.1) ? 5 : 0));
        return { line, character };
      };
      let start = position();
      let end = random.bool(0.6) ? start : position();
      if (end.line < start.line || (end.line === start.line && end.character < start.character)) [start, end] = [end, start];
      const insert = random.weighted([
        [3, ''],
        [4, random.pick(TOKENS.python.concat(TOKENS.typescript))],
        [1, '\n'],
        [1, '\r\n'],
        [1, '😀'],
        [1, 'logger.info("x %s", patient.ssn)\n'],
      ]);
      const change = { range: { start, end }, text: insert };
      batch.push(change);
      current = applyChange(current, change);
    }
    batches.push(batch);
  }
  return { batches, finalText: current };
}

/** The LSP semantics (as vscode-languageserver-textdocument): positions past the end clamp. */
export function applyChange(text, change) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  const offset = ({ line, character }) => {
    if (line >= starts.length) return text.length;
    const lineEnd = line + 1 < starts.length ? starts[line + 1] : text.length;
    return Math.min(starts[line] + Math.max(0, character), lineEnd);
  };
  return text.slice(0, offset(change.range.start)) + change.text + text.slice(offset(change.range.end));
}

export function incrementalEdits(random) {
  const seed = seedFile(random, random.pick(['python', 'typescript', 'typescriptreact', 'javascript', 'python']));
  let text = seed.text;
  if (random.bool(0.3)) text = text.replace(/\r?\n/g, '\r\n');
  const { batches, finalText } = editSequence(random, text);
  return {
    languageId: seed.languageId,
    path: pathFor(random, seed.languageId),
    text,
    batches,
    finalText,
    note: `${seed.file}${text.includes('\r\n') ? ' (CRLF)' : ''}: ${batches.length} change batches`,
  };
}

export const SOURCE_GENERATORS = {
  'random-bytes': randomBytes,
  'token-soup': tokenSoup,
  subtree: subtreeMutation,
  unclosed: unclosedMutation,
  'deep-nesting': deepNesting,
  'long-line': longLine,
  encoding: encodingMutation,
  incremental: incrementalEdits,
};
