// The built-in policy (docs/policy.md, "Defaults (no file)"). Protection never gets weaker than
// this because a file is missing or broken.

import type { ResolvedPolicy } from './types';

export function defaultPolicy(): ResolvedPolicy {
  return {
    phi: { add: [], remove: [], safeIdentifiers: [], recordNames: [], sanitizers: [], syntheticData: [] },
    audit: {
      python: { decorator: 'phi_access', module: 'app.security.audit', dependencies: [], permissionClasses: [], middleware: [], calls: [] },
      typescript: {
        middleware: 'phiAccess',
        decorator: 'PhiAccess',
        module: '@/security/phi-access',
        otherMiddleware: [],
        guards: [],
        wrappers: [],
        calls: [],
      },
    },
    roles: {
      clinician: ['clinical', 'demographics'],
      billing: ['billing', 'demographics'],
      admin: ['*'],
    },
    encryption: {
      types: ['EncryptedType', 'StringEncryptedType', 'EncryptedString'],
      required: ['ssn', 'diagnosis'],
    },
    secureDebug: {},
    vendors: [],
    aiTools: [],
    rules: {},
    ignore: [],
    suppressions: [],
    testCode: { paths: [...DEFAULT_TEST_CODE_PATHS], rules: ['phi-literal', 'hardcoded-ai-key'] },
  };
}

/**
 * Where projects keep tests, mocks, fixtures and seed data (gitignore-style): the synthetic
 * patients they log and throw are not leaks a team would act on, while a real value committed
 * there is.
 */
export const DEFAULT_TEST_CODE_PATHS: readonly string[] = [
  'test/', 'tests/', '__tests__/', '__mocks__/', 'mocks/', 'fixtures/', 'e2e/', 'cypress/',
  'test_*.py', '*_test.py', 'conftest.py', '*.test.*', '*.spec.*', '*.cy.*',
  'test-*.js', 'test-*.mjs', 'test-*.ts', 'jest.setup.*', 'setupTests.*',
  // Storybook stories render components with made-up props; they never run in the product.
  '*.stories.*', '.storybook/',
  // Copies kept aside (`patient-detail-shell.old.tsx`, `backend-backup/`): nothing imports or serves them.
  '*.old.*', '*.bak.*', '*.orig.*', '*.backup.*', '*-backup/', 'backup-*/',
  // Example code (`src/examples/RealtimeScheduleExample.tsx`) shows how to use the product's parts with
  // made-up values; the product does not run it. A feature named for examples (`exampleService.ts`) is the product.
  'examples/',
  'seeds/', 'seeders/', 'seed.*', 'seed-*.*', 'seed_*.*', '*.seed.*', '*-seed.*', '*_seed.*',
];
