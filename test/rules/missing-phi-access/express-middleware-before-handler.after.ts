import { Router } from 'express';
import { phiAccess } from '@/security/phi-access';
const router = Router();
router.post('/patients', auth, phiAccess({ action: 'write', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => res.json(await createPatient(req.body)));
