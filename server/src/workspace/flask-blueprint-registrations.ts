// Where a Flask (or Quart) project registers its blueprints: `app.register_blueprint(patients_bp)`,
// `app.register_blueprint(views.patients_bp, url_prefix="/x")`. A blueprint no module registers is
// never served (analysis/endpoints/unregistered-blueprints.ts). Read from the file's text (comments
// removed) with a small, bounded pattern; names only are kept. A registration whose blueprint is
// not written by name (`for bp in BLUEPRINTS: app.register_blueprint(bp)`, `register_blueprint(make_bp())`)
// may register any blueprint: it is marked computed, and then no blueprint counts as unregistered.

import type { FlaskBlueprintRegistration } from '../engine/model/audit-context';

/** `register_blueprint(` and its first argument's start (bounded). */
const REGISTRATION = /\bregister_blueprint\s*\(\s*([^,)\n]{0,200})/g;
const DOTTED_NAME = /^[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*$/;

/** `from .views import blueprint as overview` in a package's `__init__.py`: the package re-exports a name under another. */
const ALIASED_IMPORT = /^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+\(?([^\n()]{0,300})/gm;

export function flaskBlueprintRegistrationsOf(file: string, code: string): FlaskBlueprintRegistration[] {
  // A package's re-exports under another name: the registering module may use that name.
  if (/(^|[\\/])__init__\.py$/.test(file) && !code.includes('register_blueprint')) {
    const aliases = [...code.matchAll(ALIASED_IMPORT)].flatMap((match) => [...match[1].matchAll(/\b([A-Za-z_]\w*)\s+as\s+([A-Za-z_]\w*)/g)].map((alias) => [alias[1], alias[2]] as [string, string]));
    return aliases.length ? [{ file, names: [], computed: false, aliases }] : [];
  }
  if (!code.includes('register_blueprint')) return [];
  const names = new Set<string>();
  let computed = false;
  for (const match of code.matchAll(REGISTRATION)) {
    const argument = match[1].trim().replace(/^blueprint\s*=\s*/, '');
    if (!DOTTED_NAME.test(argument)) {
      computed = true;
      continue;
    }
    const name = argument.split('.').pop()!.trim();
    // A loop's variable (`for bp in blueprints:`) or a helper's parameter (`def register(app, bp):`)
    // stands for whatever is passed: any blueprint. Bounded to one line, so no run of words backtracks.
    if (standsForAny(name, code)) {
      computed = true;
      continue;
    }
    names.add(name);
    // `from .views import bp as patients_bp`: registered under its alias, defined under its own name.
    for (const alias of code.matchAll(new RegExp(`\\b([A-Za-z_]\\w*)\\s+as\\s+${name}\\b`, 'g'))) names.add(alias[1]);
  }
  return names.size || computed ? [{ file, names: [...names], computed }] : [];
}

function standsForAny(name: string, code: string): boolean {
  const loopVariable = new RegExp(`\\bfor[ \\t]+(?:[\\w \\t,]{0,120},[ \\t]*)?${name}[ \\t]*(?:,[\\w \\t,]{0,120})?\\bin\\b`);
  const parameter = new RegExp(`\\bdef[ \\t]+\\w+[ \\t]*\\([^)]{0,300}\\b${name}\\b`);
  return loopVariable.test(code) || parameter.test(code);
}
