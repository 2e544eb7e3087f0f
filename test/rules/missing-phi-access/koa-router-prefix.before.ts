import Router from '@koa/router';

const router = new Router({ prefix: '/api' });

router.get('/patients/:id', async (ctx) => {  // expect: missing-phi-access
  ctx.body = await Patient.findById(ctx.params.id);
});

router.get('/health', async (ctx) => {
  ctx.body = { ok: true };
});

router.get('/stats/admissions', async (ctx) => {
  ctx.body = { total: await Admission.countDocuments() };
});
