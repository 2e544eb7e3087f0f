// The cheap tests the literal passes (adapters/<language>/literals.ts) run before they read a
// string literal's context from the tree: is it a credential candidate for hardcoded-ai-key?

/**
 * Whether a literal's source (quotes and prefix included) rules out a credential before its
 * parts are read from the tree: too short, or spaced without being `Bearer …`. Most string
 * literals are messages, and reading each one's children cost more than the check.
 */
export function sourceRulesOutCredential(source: string): boolean {
  return source.length < 10 || (/\s/.test(source) && !/Bearer/i.test(source));
}

/** Whether a literal's value may be a credential: not tiny, not huge, no prose (a `Bearer` header may have a space). */
export function mayBeCredential(value: string): boolean {
  if (value.length < 8 || value.length > 512) return false;
  if (!/\s/.test(value)) return true;
  return /^Bearer\s+\S+$/i.test(value);
}
