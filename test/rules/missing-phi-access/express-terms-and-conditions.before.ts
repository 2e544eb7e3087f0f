import express from 'express';
import { packageService } from './services/packages';

const router = express.Router();

// An offer's terms and conditions are legal text, not a patient's condition.
router.get('/packages/:id', async (req, res) => {
  const pkg = await packageService.getPackageById(req.params.id);
  res.json({ title: pkg.title, termsAndConditions: pkg.termsAndConditions, terms_conditions: pkg.terms_conditions });
});

router.get('/packages/:id/eligibility', async (req, res) => { // expect: missing-phi-access
  const pkg = await packageService.getPackageById(req.params.id);
  res.json({ title: pkg.title, chronicConditions: pkg.chronicConditions });
});

export default router;
