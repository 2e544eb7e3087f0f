import Router from '@koa/router';
import { phiAccess } from '@/security/phi-access';

const router = new Router({ prefix: '/api' });

router.get('/patients/:id', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (ctx) => {
  ctx.body = await Patient.findById(ctx.params.id);
});

router.get('/health', async (ctx) => {
  ctx.body = { ok: true };
});

router.get('/stats/admissions', async (ctx) => {
  ctx.body = { total: await Admission.countDocuments() };
});
