// A front end whose production build strips console calls (vite's esbuild `drop`/`pure`, terser's
// `drop_console`, babel's transform-remove-console, Next.js `removeConsole`) prints nothing in
// production through the methods it strips: those calls are quiet in the files of that package.
// The methods it keeps, other packages and other loggers are still reported.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const project = (files) => tempProject('console-stripping-builds', files);

const logFindings = (cwd) => findingLines(cwd, 'phi-in-log');

const page = [
  'export function savePatient(patient) {',
  '  console.log("saved", patient.email);',
  '  console.debug("saved", patient.phone);',
  '  console.error("save failed", patient.email);',
  '}',
  '',
].join('\n');

test('vite: the methods its esbuild `pure` list names are quiet in its package; console.error and the backend are not', () => {
  const cwd = project({
    'frontend/vite.config.js': [
      "import { defineConfig } from 'vite';",
      'export default defineConfig(({ mode }) => ({',
      "  esbuild: mode === 'production' ? { drop: ['debugger'], pure: ['console.log', 'console.debug'] } : undefined,",
      '}));',
      '',
    ].join('\n'),
    'frontend/src/pages/PatientPage.jsx': page,
    'backend/services/patients.js': page,
  });
  assert.deepEqual(logFindings(cwd), ['backend/services/patients.js:2', 'backend/services/patients.js:3', 'backend/services/patients.js:4', 'frontend/src/pages/PatientPage.jsx:4']);
});

test('vite `drop: ["console"]` and terser `drop_console: true` strip every console method', () => {
  const cwd = project({
    'web/vite.config.ts': "export default { esbuild: { drop: ['console', 'debugger'] } };\n",
    'web/src/page.ts': page,
    'admin/vite.config.ts': 'export default { build: { minify: "terser", terserOptions: { compress: { drop_console: true } } } };\n',
    'admin/src/page.ts': page,
  });
  assert.deepEqual(logFindings(cwd), []);
});

test('Next.js `removeConsole` and babel transform-remove-console keep the methods they exclude', () => {
  const cwd = project({
    'apps/portal/next.config.js': "module.exports = { compiler: { removeConsole: { exclude: ['error'] } } };\n",
    'apps/portal/lib/save.ts': page,
    'apps/kiosk/babel.config.js': "module.exports = { presets: ['@babel/preset-env'], plugins: [['transform-remove-console', { exclude: ['error', 'warn'] }]] };\n",
    'apps/kiosk/src/save.js': page,
  });
  assert.deepEqual(logFindings(cwd), ['apps/kiosk/src/save.js:4', 'apps/portal/lib/save.ts:4']);
});

test('a helper that console.logs in a stripped package is quiet at its callers; a config that strips nothing changes nothing', () => {
  const cwd = project({
    'client/vite.config.js': "export default { esbuild: { pure: ['console.log'] }, build: { terserOptions: { compress: { drop_console: false } } } };\n",
    'client/src/debug.js': 'export function trace(label, value) {\n  console.log(label, value);\n}\n',
    'client/src/save.js': "import { trace } from './debug';\nexport function save(patient) {\n  trace('saving', patient.email);\n  console.warn('saving', patient.email);\n}\n",
    'other/vite.config.js': "export default { build: { terserOptions: { compress: { drop_console: false } } } };\n",
    'other/src/save.js': page,
  });
  assert.deepEqual(logFindings(cwd), ['client/src/save.js:4', 'other/src/save.js:2', 'other/src/save.js:3', 'other/src/save.js:4']);
});
