import { withAuth } from '../../lib/auth';
import { withPhiAccess } from '@/security/phi-access';

async function handler(req, res) {
  res.json(await db.visit.findMany({ where: { patientId: req.query.patientId } }));
}

export default withPhiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }, withAuth(handler));
