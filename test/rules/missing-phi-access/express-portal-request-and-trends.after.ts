import express, { Request, Response } from 'express';
import { prisma } from './db';
import { portalService } from './services/portal';
import { reportsService } from './services/reports';
import { phiAccess } from '@/security/phi-access';

interface PatientAuthenticatedRequest extends Request {
  patient?: { patientId: string; hospitalId: string };
}

const router = express.Router();

// The request type says the caller signed in, not which record is served: the departments are reference data.
router.get('/departments', async (req: PatientAuthenticatedRequest, res: Response) => {
  res.json(await portalService.getDepartments(req.patient?.hospitalId || ''));
});

// The signed-in patient edits their own allergy: their record, opened by them.
router.put('/allergies/:id', async (req: PatientAuthenticatedRequest, res: Response) => {
  const patientId = req.patient?.patientId || '';
  const existing = await prisma.allergy.findFirst({ where: { id: req.params.id, patientId } });
  res.json(await prisma.allergy.update({ where: { id: existing.id }, data: req.body }));
});

// A staff route may load the patient it serves onto the request: the path names a patient.
router.get('/patients/:id/allergies', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req: PatientAuthenticatedRequest, res: Response) => {
  const patientId = req.patient?.patientId || '';
  res.json(await prisma.allergy.findMany({ where: { patientId } }));
});

// A request body's schema named for a patient is no signed-in request.
router.post('/intake', phiAccess({ action: 'write', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req: Request<{}, {}, CreatePatientRequest>, res: Response) => {
  res.json(await portalService.submit(req.body));
});

// Visit trends over the practice are totals; one patient's trends are theirs.
router.get('/visits/trends', async (req: Request, res: Response) => {
  res.json({ trends: await reportsService.getPatientVisitTrends(req.query.period) });
});

router.get('/patients/:patientId/trends', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req: Request, res: Response) => {
  res.json({ trends: await reportsService.getPatientVisitTrends(req.params.patientId) });
});

// A trends call given one patient's key is that patient's series.
router.get('/vitals/trends', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req: Request, res: Response) => {
  res.json({ trends: await reportsService.getVitalTrends(req.query.patientId) });
});

export default router;
