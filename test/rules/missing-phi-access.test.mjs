// missing-phi-access: each case of test/rules/missing-phi-access/ (one or more per framework) is
// analysed, fixed and compared whole with its after-file. The added control follows the file's
// convention and the policy's audit names and role map.
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('missing-phi-access', {
  // Next.js: the file's place is the route.
  'nextjs-app-route-wrapped': { path: 'app/api/patients/[id]/route.ts' },
  'nextjs-pages-api-default-export': { path: 'pages/api/visits.js' },
  'nextjs-pages-api-arrow': { path: 'pages/api/patients/index.ts' },
  'nextjs-patient-portal-session': { path: 'app/api/patient/health-records/route.ts' },
  // Class-based views are read in a views module.
  'drf-inherited-actions-class-decorator': { path: 'clinic/views.py' },
  'drf-lookup-catalogue-judged-by-fields': { path: 'clinic/views.py' },
  'drf-totals-named-models': { path: 'clinic/views.py' },
  'policy-audit-names-admin-only-roles': {
    policy: (defaults) => ({
      ...defaults,
      audit: { python: { decorator: 'audited', module: 'hipaa.audit' }, typescript: { middleware: 'auditPhi', decorator: 'AuditPhi', module: '~/audit' } },
      roles: { nurse: ['clinical', 'demographics'], admin: ['*'] },
    }),
  },
});
