// Django middleware of well-known model-history libraries. Each records every change of a
// registered model with the user who made it, so a team may name it in the policy's
// `audit.python.middleware`; `phi-guard init` proposes it though its name does not say "audit".
// It records writes only: listed, it covers a project's write endpoints, never its reads.

export const HISTORY_MIDDLEWARE: ReadonlySet<string> = new Set([
  'reversion.middleware.RevisionMiddleware',
  'simple_history.middleware.HistoryRequestMiddleware',
  'pghistory.middleware.HistoryMiddleware',
]);
