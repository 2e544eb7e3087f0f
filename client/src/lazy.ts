// What the client needs only after activation, built as bundles of their own beside
// dist/extension.js (esbuild.mjs) and loaded on first use: vscode-languageclient (the server
// starts right after activation returns), the policy loader (jsonc-parser, ajv and the JSON
// Schema) for the AI Tools view, and the scaffold command with its generator. Activation then
// neither parses nor evaluates them: over nine tenths of the client's code.

import * as path from 'node:path';
import type { LoadedPolicy, PolicyLookupOptions } from '../../server/src/policy';

type PolicyCacheModule = typeof import('../../server/src/policy/policy-cache');
type LanguageClientModule = typeof import('./languageClient');
type ScaffoldCommandModule = typeof import('./commands/scaffoldEndpoint');

/** Bundle file names in dist/, by the module each one is built from. */
const LAZY_BUNDLES = {
  languageClient: 'client-language.js',
  policy: 'client-policy.js',
  scaffold: 'client-scaffold.js',
} as const;

function loadBundle<T>(file: string): T {
  // A path esbuild cannot follow, on purpose: the bundle is loaded at run time, once (require's cache).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, file)) as T;
}

/** `loadPolicyForFile` of server/src/policy, exactly as the language server resolves policies. */
export function loadPolicyForFile(file: string, options: PolicyLookupOptions = {}): LoadedPolicy {
  return loadBundle<PolicyCacheModule>(LAZY_BUNDLES.policy).loadPolicyForFile(file, options);
}

/** vscode-languageclient and the client built on it (client/src/languageClient.ts). */
export function languageClientModule(): LanguageClientModule {
  return loadBundle<LanguageClientModule>(LAZY_BUNDLES.languageClient);
}

/** The *Scaffold PHI endpoint* flow (client/src/commands/scaffoldEndpoint.ts). */
export function scaffoldCommand(): ScaffoldCommandModule {
  return loadBundle<ScaffoldCommandModule>(LAZY_BUNDLES.scaffold);
}
