// A script that refuses to run in production (a seed or reset script calling
// `requireNonProduction()`, or stopping at `if (process.env.NODE_ENV === 'production')
// process.exit(1)`) writes its records into a development or test database: the people in it
// were made up for that database. An operations script run against the live records carries no
// such guard, and its values stay reported.

/** A call to a guard named for what it does: `requireNonProduction()`, `assert_not_production()`, `preventProductionRun()`. */
const GUARD_CALL =
  /(?:^|[^\w.])(?:(?:require|assert|ensure|check|guard|verify)_?(?:non|not|no)_?prod(?:uction)?|(?:refuse|forbid|prevent|disallow)_?(?:in_?)?prod(?:uction)?)\w*\s*\(/i;

/** The production environment's name compared with `===` / `==` (either side). */
const ENV_VALUE = `['"](?:production|prod)['"]`;
const ENV_NAME = String.raw`(?:process\.env\.\w*ENV\w*|process\.env\[['"]\w*ENV\w*['"]\]|\w*env\w*)`;

/**
 * JS/TS: `if (<env> === 'production') { ...; process.exit(1) }` or `... throw new Error(...)`:
 * the condition is the production test alone (`&& !secret` would be a configuration check, not a
 * refusal), and the branch ends the run within a few statements.
 */
const SCRIPT_GUARD = new RegExp(
  String.raw`\bif\s*\(\s*(?:${ENV_NAME}\s*===?\s*${ENV_VALUE}|${ENV_VALUE}\s*===?\s*${ENV_NAME})\s*\)\s*(?:\{[^{}]{0,400}?)?(?:process\.exit\s*\(|throw\b)`,
  'i',
);

/** Python: `if os.environ.get("ENV") == "production":` then `sys.exit(...)` / `raise` in its block. */
const PYTHON_GUARD = new RegExp(
  String.raw`^[ \t]*if\s+[^\n:]*\b\w*env\w*\b[^\n:]*(?:==\s*${ENV_VALUE}|in\s*[([]\s*${ENV_VALUE}[^\n:]*)\s*:[ \t]*\n(?:[ \t]+[^\n]*\n){0,4}?[ \t]+(?:sys\.exit|exit|raise)\b`,
  'im',
);

/** Whether the file refuses to run in production: its records are a development or test database's. */
export function refusesProduction(text: string): boolean {
  if (!/prod/i.test(text)) return false;
  return GUARD_CALL.test(text) || SCRIPT_GUARD.test(text) || PYTHON_GUARD.test(text);
}
