// A Prisma call that names every field it reads (`select`) and writes (`data`) is judged by those
// fields: a client's sync status and an appointment's state are no one's health data. Without a
// `select` the whole row comes back; a selected name, a filter on a birth date (the patient found by it) or an `include`
// of related rows reads the patient's.
import { Router } from 'express';
import { prisma } from '../db';
import { phiAccess } from '@/security/phi-access';

const router = Router();

router.get('/patients/:clientId/sync-status', async (req, res) => {
  const client = await prisma.client.findUnique({
    where: { id: req.params.clientId },
    select: { id: true, externalPatientId: true, lastSyncedAt: true, syncStatus: true },
  });
  res.json({ clientId: client?.id, syncStatus: client?.syncStatus });
});

router.post('/appointments/:appointmentId/status', async (req, res) => {
  const appointment = await prisma.appointment.update({
    where: { id: req.params.appointmentId },
    data: { status: req.body.status },
    select: { id: true, status: true },
  });
  res.json(appointment);
});

router.get('/patients/:clientId/card', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => {
  const client = await prisma.client.findUnique({ where: { id: req.params.clientId }, select: { id: true, firstName: true, lastName: true } });
  res.json(client);
});

router.get('/appointments/:appointmentId', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  res.json(await prisma.appointment.findUnique({ where: { id: req.params.appointmentId } }));
});

router.get('/appointments/:appointmentId/with-client', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  res.json(await prisma.appointment.findUnique({ where: { id: req.params.appointmentId }, select: { id: true, status: true }, include: { client: true } }));
});

router.get('/patients/:clientId/match', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => {
  res.json(await prisma.client.findFirst({ where: { dateOfBirth: String(req.query.dob) }, select: { id: true } }));
});

export default router;
