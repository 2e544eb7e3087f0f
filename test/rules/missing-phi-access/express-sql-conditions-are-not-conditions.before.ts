import { Router } from 'express';
import prisma from './db';
import { pool } from './pool';
const router = Router();

function addAuditActionCondition(conditions: string[], params: unknown[], action: unknown): void {
  if (typeof action !== 'string') return;
  params.push(`%${action}%`);
  conditions.push(`al.action ILIKE $${params.length}`);
}

// The audit trail's own view: `conditions` are the SQL filters it builds, not a patient's conditions.
router.get('/audit-log', async (req, res) => {
  const conditions: string[] = ['al.tenant_id = $1'];
  const params: unknown[] = [req.user.tenantId];
  addAuditActionCondition(conditions, params, req.query.action);
  const result = await pool.query(`SELECT al.id, al.action, al.user_id FROM audit_log al WHERE ${conditions.join(' AND ')}`, params);
  res.json(result.rows);
});

// A patient's medical conditions.
router.get('/conditions', async (req, res) => {  // expect: missing-phi-access
  const conditions = await prisma.condition.findMany({ where: { tenantId: req.user.tenantId } });
  res.json(conditions.map((condition) => condition.code));
});

export default router;
