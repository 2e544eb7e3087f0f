// Flask apps' hooks that record, before every request, who asked for which path: `@app.before_request
// def log_users_activity(): LOG.info(" - ".join([current_user.email, request.path]))`. Such an
// activity log is the app's access trail; with an access check in the handler that refuses others
// (`abort(403)`), a route is controlled (docs/rules/missing-phi-access.md). Read from the file's
// text (comments removed) with small, bounded patterns; names only are kept.

import * as path from 'node:path';
import type { FlaskActivityHook } from '../engine/model/audit-context';

/** `@app.before_request` (or a blueprint's app-wide `@bp.before_app_request`), then the decorated `def`. */
const HOOK = /^([ \t]*)@([A-Za-z_]\w*)\.(before_request|before_app_request)[ \t]*\n(?:\1@[^\n]{0,200}\n){0,3}\1(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm;
/** Lines of a hook's body read. */
const MAX_BODY_LINES = 40;
/** The request's target: the path, URL or view asked for. */
const REQUEST_TARGET = /\brequest\.(?:path|full_path|url|base_url|endpoint|url_rule)\b/;
/** Who asks: the signed-in user. */
const REQUESTER = /\b(?:current_user|g\.user|flask_login\.current_user)\b/;
/** A record written: a logger's entry, a file's line, a stored row. */
const RECORDED = /\.(?:info|warning|log|write|insert_one|insert|add|create|save)\s*\(/;

export function flaskActivityHooksOf(file: string, code: string): FlaskActivityHook[] {
  if (!code.includes('before_request') && !code.includes('before_app_request')) return [];
  const hooks: FlaskActivityHook[] = [];
  for (const match of code.matchAll(HOOK)) {
    // A blueprint's own `before_request` runs for its routes only: the app's, or an app-wide one.
    if (match[3] === 'before_request' && !/app/i.test(match[2])) continue;
    const body = bodyAfter(code, (match.index ?? 0) + match[0].length, match[1].length);
    if (REQUEST_TARGET.test(body) && REQUESTER.test(body) && RECORDED.test(body)) {
      hooks.push({ file, name: match[4], projectRoot: path.dirname(file) });
    }
  }
  return hooks;
}

/** The lines of a `def` starting at `offset` (its signature's rest included) indented more than the decorator. */
function bodyAfter(code: string, offset: number, indent: number): string {
  const lines = code.slice(offset).split('\n', MAX_BODY_LINES + 1);
  const body = [lines[0]];
  for (const line of lines.slice(1)) {
    if (line.trim() && line.length - line.trimStart().length <= indent) break;
    body.push(line);
  }
  return body.join('\n');
}
