// The cheap tests a string literal passes (adapters/<language>/literals.ts) before its context is
// read from the tree: could it be a credential (hardcoded-ai-key) or a PHI value (phi-literal)?

/**
 * Whether a literal's source (quotes and prefix included) rules out both a credential and a PHI
 * value before its parts are read from the tree: too short, too long, or prose. Most string
 * literals are messages, and reading each one's children cost more than the check.
 */
export function sourceRulesOutLiteral(source: string): boolean {
  if (source.length < 6) return true;
  if (/^\w*['"`]{1,3}MSH\|/.test(source)) return false;
  if (source.length > 520) return true;
  // Prose: credentials are one token (or `Bearer x`), PHI values a few words.
  return (source.match(/\s/g)?.length ?? 0) > 5 && !/Bearer/i.test(source);
}

/** Whether a literal's value may be a credential: not tiny, not huge, no prose (a `Bearer` header may have a space). */
export function mayBeCredential(value: string): boolean {
  if (value.length < 8 || value.length > 512) return false;
  if (!/\s/.test(value)) return true;
  return /^Bearer\s+\S+$/i.test(value);
}

/** Whether a literal's value may be a PHI value: an identifier, a date, a name or address of a few words, an HL7 message. */
export function mayBePhi(value: string): boolean {
  if (value.startsWith('MSH|')) return true;
  return value.length >= 4 && value.length <= 120 && !value.includes('\n') && (value.match(/\s/g)?.length ?? 0) <= 5;
}
