import Fastify from 'fastify';
import { db } from './db';
import { phiAccess } from './security/phi-access';

const app = Fastify();

app.get('/patients/:id', async (request) => db.patient.findUnique({ where: { id: request.params.id } }));  // expect: missing-phi-access

app.get('/patients/:id/labs', { schema: { params: {} } }, async (request) => db.labResult.findMany({ where: { patientId: request.params.id } }));  // expect: missing-phi-access

app.get('/patients/:id/notes', { preHandler: [app.authenticate] }, async (request) => db.note.findMany({ where: { patientId: request.params.id } }));  // expect: missing-phi-access

app.get('/patients/:id/allergies', { preHandler: app.authenticate }, async (request) => db.allergy.findMany({ where: { patientId: request.params.id } }));  // expect: missing-phi-access

app.route({  // expect: missing-phi-access
  method: ['GET', 'HEAD'],
  url: '/encounters/:id',
  handler: async (request) => db.encounter.findUnique({ where: { id: request.params.id } }),
});

app.route({ method: 'POST', url: '/visits', preHandler: phiAccess({ action: 'write', dataCategory: 'clinical', roles: ['clinician'] }), handler: async (request) => db.visit.create({ data: request.body }) });

app.get('/patients/:id/vitals', { onRequest: [app.authenticate, phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] })] }, async (request) => db.vital.findMany({ where: { patientId: request.params.id } }));

app.get('/stats/admissions', async () => ({ total: await db.patient.count() }));

app.get('/health', {}, async () => ({ ok: true }));
