// Totals per group computed in the handler: notes are read to be counted per modality, and the answer
// holds the modality, running totals and counts only. Grouped by a patient's key the counts are
// that patient's rows; a group that hands back the rows it gathered returns the rows.
import express from 'express';
import { prisma } from './db';
import { phiAccess } from '@/security/phi-access';

const router = express.Router();

router.get('/reports/modality', async (req, res) => {
  const { startDate } = req.query;
  const start = startDate ? new Date(startDate as string) : new Date(new Date().getFullYear(), 0, 1);
  const notes = await prisma.clinicalNote.findMany({ where: { status: 'SIGNED' }, include: { client: true } });
  const byModality = new Map<string, { sessionCount: number; clients: Set<string> }>();
  notes.forEach((note) => {
    const modality = note.noteType || 'Standard Therapy';
    if (!byModality.has(modality)) byModality.set(modality, { sessionCount: 0, clients: new Set() });
    const data = byModality.get(modality)!;
    data.sessionCount++;
    data.clients.add(note.clientId);
  });
  res.json({
    period: { startDate: start, endDate: new Date() },
    report: Array.from(byModality.entries()).map(([modality, data]) => ({
      modality,
      sessionCount: data.sessionCount,
      uniqueClients: data.clients.size,
      perClient: data.clients.size > 0 ? data.sessionCount / data.clients.size : 0,
    })).sort((a, b) => b.sessionCount - a.sessionCount),
  });
});

router.get('/reports/by-client', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  const notes = await prisma.clinicalNote.findMany({ where: { status: 'SIGNED' } });
  const byClient = new Map<string, { sessionCount: number }>();
  notes.forEach((note) => {
    const clientId = note.clientId;
    if (!byClient.has(clientId)) byClient.set(clientId, { sessionCount: 0 });
    byClient.get(clientId)!.sessionCount++;
  });
  res.json({ report: Array.from(byClient.entries()).map(([clientId, data]) => ({ clientId, sessionCount: data.sessionCount })) });
});

router.get('/reports/modality-notes', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  const notes = await prisma.clinicalNote.findMany({ where: { status: 'SIGNED' } });
  const byModality = new Map<string, { sessionCount: number; notes: object[] }>();
  notes.forEach((note) => {
    const modality = note.noteType || 'Standard Therapy';
    if (!byModality.has(modality)) byModality.set(modality, { sessionCount: 0, notes: [] });
    byModality.get(modality)!.notes.push(note);
  });
  res.json({ report: Array.from(byModality.entries()).map(([modality, data]) => ({ modality, notes: data.notes })) });
});

router.get('/reports/since', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  const notes = await prisma.clinicalNote.findMany({ where: { status: 'SIGNED' } });
  const since = new Date(notes[0].sessionDate);
  res.json({ since, total: notes.length });
});

export default router;
