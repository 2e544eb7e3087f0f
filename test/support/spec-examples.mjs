// The conformance examples of the product contract sit beside the repository, in
// ../shared/spec/examples (CI checks them out there). Tests that read them fail, with this
// message, when they are missing, rather than pass on less.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './engine.mjs';

export const SPEC_EXAMPLES = path.resolve(repoRoot, '../shared/spec/examples');

export function specExamplesPresent() {
  return existsSync(SPEC_EXAMPLES);
}

export function assertSpecExamplesPresent() {
  assert.ok(specExamplesPresent(), `${SPEC_EXAMPLES} is missing: the product contract's conformance examples must be checked out beside the repository, as CI does.`);
}
