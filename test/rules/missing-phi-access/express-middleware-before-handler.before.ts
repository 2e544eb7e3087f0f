import { Router } from 'express';
const router = Router();
router.post('/patients', auth, async (req, res) => res.json(await createPatient(req.body)));  // expect: missing-phi-access
