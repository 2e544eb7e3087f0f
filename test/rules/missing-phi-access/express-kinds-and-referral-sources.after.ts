import express from 'express';
import { labService } from './services/labs';
import { referralService } from './services/referrals';
import { phiAccess } from '@/security/phi-access';

const router = express.Router();

// A referral source is a marketing channel; the service's other calls serve patients' referrals.
router.post('/', async (req, res) => {
  const source = await referralService.createReferralSource(req.body.name, req.body.channel);
  res.status(201).json({ source });
});

router.get('/panels', async (req, res) => {
  res.json(await labService.getLabCategories());
});

router.post('/entries', phiAccess({ action: 'write', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  const referral = await referralService.createReferral(req.body.reason, req.body.specialty);
  res.status(201).json({ referral });
});

router.get('/sources/:id', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  res.json(await referralService.getReferral(req.params.id));
});

router.get('/panels/latest', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  res.json(await labService.getLabResults());
});

export default router;
