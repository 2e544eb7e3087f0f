// Typed custom requests and notifications: a method name with the types of its parameters and
// result, so both sides of `phiGuard/*` are checked by the compiler. Plain objects, not the
// RequestType / NotificationType classes of vscode-jsonrpc: importing that package would add
// 55-120 KB to dist/extension.js, which the editor parses at activation, and the client and the
// server depend on different versions of it (10 and 9), whose classes do not type-check against
// each other. Each side sends and handles these through a few lines of its own
// (client/src/serverController.ts, server/src/lsp/requests.ts).

export interface ProtocolRequest<P, R> {
  readonly method: string;
  /** Never set: carries the parameter and result types. */
  readonly types?: { params: P; result: R };
}

export interface ProtocolNotification<P> {
  readonly method: string;
  /** Never set: carries the parameter type. */
  readonly types?: { params: P };
}

export function request<P, R>(method: string): ProtocolRequest<P, R> {
  return { method };
}

export function notification<P>(method: string): ProtocolNotification<P> {
  return { method };
}
