import { withAuth } from '../../lib/auth';

async function handler(req, res) {
  res.json(await db.visit.findMany({ where: { patientId: req.query.patientId } }));
}

export default withAuth(handler);  // expect: missing-phi-access
