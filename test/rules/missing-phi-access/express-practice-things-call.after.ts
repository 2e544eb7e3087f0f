// A service named for patients also keeps the practice's own things: a method named for rooms,
// providers or settings returns those, the same for every patient. What else it returns (a
// board of the day's patients, a patient's rooms) still touches PHI.
import express from 'express';
import { patientFlowService } from '../services/patientFlowService';
import { phiAccess } from '@/security/phi-access';

const router = express.Router();

router.get('/rooms', async (req, res) => {
  const rooms = await patientFlowService.getRooms(req.query.locationId as string);
  res.json({ rooms });
});

router.get('/providers', async (req, res) => {
  res.json({ providers: await patientFlowService.listProviders() });
});

router.get('/referring-physicians', async (req, res) => {
  res.json({ physicians: await patientFlowService.getReferringPhysicians() });
});

router.get('/board', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => {
  const board = await patientFlowService.getBoard(req.query.locationId as string);
  res.json({ board });
});

router.get('/patient-rooms', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => {
  const rooms = await patientFlowService.getPatientRooms(req.query.patientId as string);
  res.json({ rooms });
});

export default router;
