// A table joined only to be counted (`COUNT(rm.id)`, none of its columns returned) gives totals,
// not its rows: a list of cohorts with their member counts serves no patient. A statement that
// returns a column of the patients' table, or a bare column that may be theirs, still reads them.
import express from 'express';
import { pool } from './db';

const router = express.Router();

router.get('/cohorts', async (req, res) => {
  const result = await pool.query(
    `SELECT rc.*, COUNT(rm.id) AS "memberCount"
     FROM registry_cohorts rc
     LEFT JOIN registry_members rm ON rm.registry_id = rc.id
     WHERE rc.tenant_id = $1
     GROUP BY rc.id`,
    [req.query.tenant],
  );
  res.json({ cohorts: result.rows });
});

router.get('/cohorts/members', async (req, res) => { // expect: missing-phi-access
  const result = await pool.query(
    `SELECT rc.name, rm.patient_name, COUNT(rm.id) AS "visits"
     FROM registry_cohorts rc
     LEFT JOIN registry_members rm ON rm.registry_id = rc.id
     GROUP BY rc.name, rm.patient_name`,
  );
  res.json({ cohorts: result.rows });
});

router.get('/cohorts/all', async (req, res) => { // expect: missing-phi-access
  const result = await pool.query(
    `SELECT *, COUNT(rm.id) OVER () AS "total"
     FROM registry_cohorts rc
     LEFT JOIN registry_members rm ON rm.registry_id = rc.id`,
  );
  res.json({ cohorts: result.rows });
});

export default router;
