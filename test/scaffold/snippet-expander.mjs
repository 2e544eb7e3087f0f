// Expands a VS Code snippet body the way accepting every default would: the first choice of a
// choice, the default text of a placeholder (nested ones expanded too), a bare tab stop as its
// placeholder's text when the same number has one elsewhere (mirrors), else empty; variables
// ($TM_FILENAME...) from a fixed context, else their default, else their name (as VS Code does).

const DEFAULT_VARIABLES = {
  TM_FILENAME: 'patients.py',
  TM_FILENAME_BASE: 'patients',
  TM_DIRECTORY: '/workspace/app/routers',
  TM_FILEPATH: '/workspace/app/routers/patients.py',
  RELATIVE_FILEPATH: 'app/routers/patients.py',
  WORKSPACE_NAME: 'workspace',
  WORKSPACE_FOLDER: '/workspace',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  CLIPBOARD: '',
  CURRENT_YEAR: '2025',
  CURRENT_MONTH: '01',
  CURRENT_DATE: '01',
  UUID: '00000000-0000-4000-8000-000000000000',
  LINE_COMMENT: '#',
};

/** Parses a snippet string into nodes: text, tabstop, placeholder, choice, variable. */
export function parseSnippet(source) {
  let pos = 0;
  function parseSequence(stopAt) {
    const nodes = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\' && pos + 1 < source.length && '$}\\'.includes(source[pos + 1])) {
        text += source[pos + 1];
        pos += 2;
        continue;
      }
      if (stopAt && ch === stopAt) break;
      if (ch === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += ch;
      pos++;
    }
    flush();
    return nodes;
  }
  function parseDollar() {
    const start = pos;
    pos++; // $
    let m = /^\d+/.exec(source.slice(pos));
    if (m) {
      pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[0]) };
    }
    m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(pos));
    if (m) {
      pos += m[0].length;
      return { kind: 'variable', name: m[0], children: undefined };
    }
    if (source[pos] !== '{') {
      pos = start;
      return undefined;
    }
    pos++; // {
    m = /^(\d+)|^([A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(pos));
    if (!m) {
      pos = start;
      return undefined;
    }
    pos += m[0].length;
    const index = m[1] !== undefined ? Number(m[1]) : undefined;
    const name = m[2];
    const next = source[pos];
    if (next === '}') {
      pos++;
      return index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name, children: undefined };
    }
    if (next === ':') {
      pos++;
      const children = parseSequence('}');
      if (source[pos] !== '}') throw new Error(`unterminated placeholder at ${start}`);
      pos++;
      return index !== undefined ? { kind: 'placeholder', index, children } : { kind: 'variable', name, children };
    }
    if (next === '|' && index !== undefined) {
      pos++;
      const options = [];
      let current = '';
      while (pos < source.length && !(source[pos] === '|' && source[pos + 1] === '}')) {
        if (source[pos] === '\\' && ',|\\$}'.includes(source[pos + 1])) {
          current += source[pos + 1];
          pos += 2;
          continue;
        }
        if (source[pos] === ',') {
          options.push(current);
          current = '';
          pos++;
          continue;
        }
        current += source[pos++];
      }
      if (pos >= source.length) throw new Error(`unterminated choice at ${start}`);
      options.push(current);
      pos += 2;
      return { kind: 'choice', index, options };
    }
    if (next === '/' && name) {
      // A transform: ${VAR/regex/format/options}. Skipped to its end; the variable's value is used as is.
      let slashes = 0;
      while (pos < source.length && slashes < 3) {
        if (source[pos] === '\\') pos++;
        else if (source[pos] === '/') slashes++;
        pos++;
      }
      while (pos < source.length && source[pos] !== '}') pos++;
      pos++;
      return { kind: 'variable', name, children: undefined };
    }
    pos = start;
    return undefined;
  }
  const nodes = parseSequence(undefined);
  return nodes;
}

/** The text a snippet body (string or array of lines) inserts when every default is accepted. */
export function expandSnippet(body, variables = {}) {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const nodes = parseSnippet(source);
  const vars = { ...DEFAULT_VARIABLES, ...variables };
  const defaults = new Map();
  const collect = (list) => {
    for (const node of list) {
      if (node.kind === 'placeholder') {
        if (!defaults.has(node.index)) defaults.set(node.index, node);
        collect(node.children);
      } else if (node.kind === 'choice' && !defaults.has(node.index)) defaults.set(node.index, node);
      else if (node.kind === 'variable' && node.children) collect(node.children);
    }
  };
  collect(nodes);
  const render = (list, depth = 0) => {
    if (depth > 20) throw new Error('snippet nests too deeply (recursive tab stop?)');
    let out = '';
    for (const node of list) {
      switch (node.kind) {
        case 'text':
          out += node.value;
          break;
        case 'placeholder':
          out += render(node.children, depth + 1);
          break;
        case 'choice':
          out += node.options[0];
          break;
        case 'tabstop': {
          const definition = defaults.get(node.index);
          out += !definition ? '' : definition.kind === 'choice' ? definition.options[0] : render(definition.children, depth + 1);
          break;
        }
        case 'variable':
          out += node.name in vars ? vars[node.name] : node.children ? render(node.children, depth + 1) : node.name;
          break;
      }
    }
    return out;
  };
  return render(nodes);
}

/** Every tab stop number used in a body, and the choices it offers. */
export function snippetTabStops(body) {
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const stops = [];
  const walk = (list) => {
    for (const node of list) {
      if (node.kind === 'tabstop' || node.kind === 'placeholder' || node.kind === 'choice') stops.push(node);
      if (node.children) walk(node.children);
    }
  };
  walk(nodes);
  return stops;
}
