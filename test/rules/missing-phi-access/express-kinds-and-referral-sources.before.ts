import express from 'express';
import { labService } from './services/labs';
import { referralService } from './services/referrals';

const router = express.Router();

// A referral source is a marketing channel; the service's other calls serve patients' referrals.
router.post('/', async (req, res) => {
  const source = await referralService.createReferralSource(req.body.name, req.body.channel);
  res.status(201).json({ source });
});

router.get('/panels', async (req, res) => {
  res.json(await labService.getLabCategories());
});

router.post('/entries', async (req, res) => { // expect: missing-phi-access
  const referral = await referralService.createReferral(req.body.reason, req.body.specialty);
  res.status(201).json({ referral });
});

router.get('/sources/:id', async (req, res) => { // expect: missing-phi-access
  res.json(await referralService.getReferral(req.params.id));
});

router.get('/panels/latest', async (req, res) => { // expect: missing-phi-access
  res.json(await labService.getLabResults());
});

export default router;
