// vscode-languageclient and the client built on it (client/src/languageClient.ts), built as a
// bundle of its own beside dist/extension.js (esbuild.mjs) and loaded on first use, right after
// activation returns: activation then neither parses nor evaluates over nine tenths of the
// client's code. Everything else the client does runs in the server behind typed requests.

import * as path from 'node:path';
import type * as LanguageClientModule from './languageClient';

/** The bundle's file name in dist/. */
const LANGUAGE_CLIENT_BUNDLE = 'client-language.js';

export function languageClientModule(): typeof LanguageClientModule {
  // A path esbuild cannot follow, on purpose: the bundle is loaded at run time, once (require's cache).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, LANGUAGE_CLIENT_BUNDLE)) as typeof LanguageClientModule;
}
