// Secrets in a sink: a call that leaks PHI can also carry an API key (`"using " + api_key`). A
// fix rewrites that call, so it leaves the key out rather than keeping it or, worse, copying
// the key's literal into the new message; a log is no place for a credential either way.

import type { Expr } from '../model/facts';
import { offsetOf } from '../model/text';
import { isKeyName, isKeyShaped } from '../analysis/api-keys';
import type { MessageContext } from './message-context';

const ENV_READ = /(?:^|\.)(?:getenv|get|setdefault|getEnv)$/;

/**
 * Whether a value in a sink is a secret: a key-shaped literal, a name or attribute that says it
 * holds a credential (`api_key`, `settings.OPENAI_API_KEY`, `os.environ["OPENAI_API_KEY"]`), or a
 * variable assigned a key-shaped literal. Names count whatever they hold today: once the key is
 * read from the environment, `api_key` still holds it.
 */
export function isSecret(expr: Expr, context: MessageContext, depth = 0): boolean {
  if (depth > 6) return false;
  switch (expr.kind) {
    case 'string':
      return isKeyShaped(expr.value);
    case 'name': {
      if (isKeyName(expr.name)) return true;
      const offset = offsetOf(context.facts.lineStarts, context.facts.text, expr.range.start);
      const binding = context.flow.resolveBinding(expr.name, context.scopeId, offset);
      return !!binding && binding.kind === 'assign' && binding.value.kind === 'string' && isKeyShaped(binding.value.value);
    }
    case 'member':
      return isKeyName(expr.property) || isSecret(expr.object, context, depth + 1);
    case 'index':
      return isSecret(expr.object, context, depth + 1);
    case 'call': {
      const callee = expr.callee;
      const first = expr.args.find((arg) => !arg.name)?.value;
      // `os.getenv("OPENAI_API_KEY")`, `os.environ.get(...)`.
      if (first?.kind === 'string' && calleeText(callee) && ENV_READ.test(calleeText(callee)!) && isKeyName(first.value)) return true;
      // `api_key.strip()`, `str(api_key)`: still the key.
      if (callee.kind === 'member' && isSecret(callee.object, context, depth + 1)) return true;
      return callee.kind === 'name' && (callee.name === 'str' || callee.name === 'String') && !!first && isSecret(first, context, depth + 1);
    }
    case 'binary':
      return isSecret(expr.left, context, depth + 1) || isSecret(expr.right, context, depth + 1);
    case 'template':
      return expr.parts.some((part) => ('expr' in part ? isSecret(part.expr, context, depth + 1) : isKeyShaped(part.text.trim())));
    case 'other':
      return expr.children.some((child) => isSecret(child, context, depth + 1));
    default:
      return false;
  }
}

/** Literal text without the key-shaped words in it: `"using sk-proj-… for"` becomes `"using for"`. */
export function withoutKeys(raw: string): string {
  if (!/[A-Za-z0-9_-]{16}/.test(raw)) return raw;
  const words = raw.split(/(\s+)/);
  const keys = words.filter((word) => isKeyShaped(word.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')));
  if (!keys.length) return raw;
  return words.map((word) => (keys.includes(word) ? '' : word)).join('').replace(/ {2,}/g, ' ');
}

function calleeText(callee: Expr): string | undefined {
  if (callee.kind === 'name') return callee.name;
  if (callee.kind === 'member') {
    const object = calleeText(callee.object);
    return object ? `${object}.${callee.property}` : callee.property;
  }
  return undefined;
}
