// Generated Python must run on Python 3.8 and later. Our tree-sitter grammar accepts newer syntax
// (PEP 701 f-strings: nested quotes of the same kind, backslashes and comments inside fields), so
// fixed sources are checked with the machine's own python3: one process for a whole batch,
// `ast.parse(source, feature_version=(3, 8))` for each file, plus a token check of f-string
// fields on Python 3.12+, whose parser accepts PEP 701 whatever the feature_version says.
// No python3 is a failure, never a skip: the check is what makes "fixes parse" true.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHECKER = String.raw`
import ast, io, json, sys, tokenize

def fstring_problems(source):
    if sys.version_info < (3, 12):
        return []
    problems = []
    frames = []  # [quote, brace depth] of each f-string being read
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError) as error:
        return ["tokenize: %s" % error]
    for token in tokens:
        kind, text, (row, _col) = token.type, token.string, token.start
        fields = [frame for frame in frames if frame[1] > 0]
        if kind == tokenize.FSTRING_START:
            quote = text.lstrip("fFrRbBuU")
            if any(frame[0][0] == quote[0] for frame in fields):
                problems.append("line %d: f-string nested in a field with the same quote" % row)
            frames.append([quote, 0])
        elif kind == tokenize.FSTRING_END:
            if frames:
                frames.pop()
        elif frames and kind == tokenize.OP and text == "{":
            frames[-1][1] += 1
        elif frames and kind == tokenize.OP and text == "}":
            frames[-1][1] = max(0, frames[-1][1] - 1)
        elif fields:
            if kind == tokenize.STRING:
                quote = text.lstrip("fFrRbBuU")[:1]
                if any(frame[0][0] == quote for frame in fields):
                    problems.append("line %d: string in an f-string field uses the f-string's quote" % row)
                if "\\" in text:
                    problems.append("line %d: backslash in an f-string field" % row)
            elif kind == tokenize.COMMENT:
                problems.append("line %d: comment in an f-string field" % row)
            elif kind in (tokenize.NL, tokenize.NEWLINE) and any(len(frame[0]) == 1 for frame in fields):
                problems.append("line %d: line break in a single-quoted f-string field" % row)
    return problems

failures = {}
for name in json.load(sys.stdin):
    with open(name, encoding="utf-8") as handle:
        source = handle.read()
    try:
        ast.parse(source, filename=name, feature_version=(3, 8))
    except SyntaxError as error:
        failures[name] = ["line %s: %s" % (error.lineno, error.msg)]
        continue
    problems = fstring_problems(source)
    if problems:
        failures[name] = problems
print(json.dumps(failures))
`;

/**
 * Python sources (`{ name, text }`) that do not parse as Python 3.8, with the reasons:
 * `[{ name, problems }]`, empty when every one parses. Throws when python3 cannot be run.
 */
export function python38Failures(sources) {
  if (!sources.length) return [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-py38-'));
  try {
    const files = sources.map((source, index) => {
      const file = path.join(dir, `${index}.py`);
      writeFileSync(file, source.text);
      return file;
    });
    const run = spawnSync('python3', ['-c', CHECKER], { input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error || run.status !== 0) {
      throw new Error(
        `python3 is needed to check that generated fixes parse on Python 3.8 and could not be run` +
          ` (${run.error ? run.error.message : `exit ${run.status}: ${run.stderr.trim().split('\n').pop()}`}). Install python3 and put it on PATH.`,
      );
    }
    const failures = JSON.parse(run.stdout);
    return sources.flatMap((source, index) => (failures[files[index]] ? [{ name: source.name, problems: failures[files[index]] }] : []));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails with every source that does not parse as Python 3.8, and the fixed text of each. */
export function assertParsesAsPython38(assert, sources) {
  const failures = python38Failures(sources);
  const shown = failures.map(({ name, problems }) => {
    const text = sources.find((source) => source.name === name)?.text ?? '';
    return `${name}: ${problems.join('; ')}\n${text}`;
  });
  assert.deepEqual(shown, [], 'generated Python that does not parse on Python 3.8');
}

/**
 * For inputs that may not parse themselves (fuzzed code): `[{ label, input, fixed: [{ title, text }] }]`
 * in one python3 batch; returns the fixes whose result does not parse as Python 3.8 although
 * their input does, as `{ name, problems, text }`.
 */
export function python38Regressions(pairs) {
  const sources = pairs.flatMap((pair, i) => [
    { name: `${i}:input`, text: pair.input },
    ...pair.fixed.map((fix, j) => ({ name: `${i}:${j}`, text: fix.text })),
  ]);
  const failing = new Map(python38Failures(sources).map((failure) => [failure.name, failure.problems]));
  return pairs.flatMap((pair, i) =>
    failing.has(`${i}:input`)
      ? []
      : pair.fixed.flatMap((fix, j) => (failing.has(`${i}:${j}`) ? [{ name: `${pair.label}: ${fix.title}`, problems: failing.get(`${i}:${j}`), text: fix.text }] : [])),
  );
}
