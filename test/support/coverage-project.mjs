// The multi-framework project of the coverage tests (the CLI's `coverage`, the server's
// phiGuard/auditCoverage and phiGuard/scanWorkspace): test/fixtures/coverage/project holds its
// Django URLconfs and views, and its FastAPI, NestJS and Express modules are the engine's endpoint
// fixtures (test/fixtures/engine), copied in under the project's file names rather than kept
// twice.
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECT = path.join(repoRoot, 'test/fixtures/coverage/project');
const ENDPOINT_FIXTURES = path.join(repoRoot, 'test/fixtures/engine');

/** Project file -> the endpoint fixture it is. */
export const SHARED_FILES = {
  'api/patients.py': 'endpoints_fastapi.py',
  'web/patients.controller.ts': 'endpoints_nestjs.ts',
  'web/routes.ts': 'endpoints_express.ts',
};

/** Writes the whole project into `dir` (an empty temporary folder). */
export function copyCoverageProject(dir) {
  cpSync(PROJECT, dir, { recursive: true });
  for (const [file, fixture] of Object.entries(SHARED_FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(ENDPOINT_FIXTURES, fixture), path.join(dir, file));
  }
}
