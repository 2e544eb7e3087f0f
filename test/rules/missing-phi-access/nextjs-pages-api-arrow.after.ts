import type { NextApiRequest, NextApiResponse } from 'next';
import { withPhiAccess } from '@/security/phi-access';

export default withPhiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }, async (req: NextApiRequest, res: NextApiResponse) => {
  res.json(await db.patient.findMany());
});
