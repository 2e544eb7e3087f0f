import express from 'express';
import { createPatient, getPatient } from './services/patients';
import { phiAccess } from '@/security/phi-access';

const router = express.Router();

function isDevToolEnabled(): boolean {
  return (
    process.env.NODE_ENV === 'development' &&
    process.env.ENABLE_DEV_TOOLS === 'true'
  );
}

// A route whose first statement answers 403 in production is a development tool.
router.post('/dev/seed-patient', async (req, res) => {
  if (!isDevToolEnabled()) {
    return res.status(403).json({ error: 'not enabled' });
  }
  res.json(await createPatient(req.body));
});

router.post('/dev/seed-patient-quick', async (req, res) => {
  if (process.env.NODE_ENV === 'production') return res.status(404).end();
  res.json(await createPatient(req.body));
});

// A development-only branch inside, or a guard that returns in development, leaves the route serving production.
router.post('/patients', phiAccess({ action: 'write', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => {
  if (isDevToolEnabled()) {
    console.log('creating a patient');
  }
  res.json(await createPatient(req.body));
});

router.get('/patients/:id', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => {
  if (isDevToolEnabled()) return res.json({ id: req.params.id });
  res.json(await getPatient(req.params.id));
});

export default router;
