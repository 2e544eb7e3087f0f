// phi-in-log: each case of test/rules/phi-in-log/ is analysed, fixed and compared whole with its
// after-file. Two cases apply the other fixes the editor offers: the secure debug log and the
// suppression, whose placeholder reason keeps unjustified-suppression reporting.
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('phi-in-log', {
  'secure-debug-with-import': {
    apply: 'secure-debug',
    policy: (defaults) => ({ ...defaults, secureDebug: { python: 'app.security.debug.phi_debug' } }),
  },
  'suppress-with-reason-placeholder': { apply: 'suppress' },
  'script-folder-output': { path: 'backend/scripts/setup-demo-portal.ts' },
  'script-folder-python': { path: 'scripts/seed_demo.py' },
  'script-package-module': { path: 'app/messaging/scripts/patient_sync_script.py' },
  'script-named-file-is-product': { path: 'src/intake/scripts.ts' },
  'one-off-script-output': { path: 'backend/verify-demo-setup.js' },
  'one-off-name-exported-module': { path: 'src/services/check-eligibility.js' },
  'root-script-output': { path: 'activate-account.js' },
  'signed-in-staff-user': { path: 'backend/src/routes/visits.ts' },
  'signed-in-portal-user': { path: 'apps/patient-portal/src/routes/profile.ts' },
  'nested-script-output': { path: 'backend/src/db/query-appointments.ts' },
  'job-runs-itself-is-product': { path: 'backend/src/jobs/send-reminders.ts' },
  'inventory-drug-alone': { path: 'src/services/inventoryService.ts' },
  'drug-alone-outside-inventory': { path: 'src/services/sampleService.ts' },
  'root-worker-is-product': { path: 'reminder-worker.js' },
  'workforce-job-staff-contact': { path: 'src/jobs/hr-automation.job.ts' },
  'workforce-job-patient-contact': { path: 'src/jobs/hr-automation.job.ts' },
  'vendor-module-insurance': { path: 'src/services/vendor.service.ts' },
  'vendor-module-patient-insurance': { path: 'src/services/vendor.service.ts' },
  'cds-rule-trigger-medication': { path: 'src/services/cdsHooksService.ts' },
});
