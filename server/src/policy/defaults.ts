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
  };
}
