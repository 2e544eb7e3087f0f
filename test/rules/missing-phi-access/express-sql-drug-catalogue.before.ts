import express from 'express';
import { pool } from './db';

const router = express.Router();

// A drug catalogue searched by name: its table is named like a patient's medication list.
router.get('/drugs/search', async (req, res) => {
  const result = await pool.query(
    `SELECT id, name, generic_name, brand_name, strength, ndc, manufacturer
     FROM medications
     WHERE (name ILIKE $1 OR generic_name ILIKE $1) AND tenant_id = $2`,
    [`%${req.query.q}%`, req.query.tenant],
  );
  res.json({ drugs: result.rows });
});

router.get('/drugs/linked', async (req, res) => { // expect: missing-phi-access
  const result = await pool.query(
    `SELECT m.generic_name, m.brand_name, m.ndc FROM medications m WHERE m.encounter_id = $1`,
    [req.query.encounter],
  );
  res.json({ drugs: result.rows });
});

router.get('/drugs/owners', async (req, res) => { // expect: missing-phi-access
  const result = await pool.query(
    `SELECT m.generic_name, m.ndc, p.first_name FROM medications m JOIN patients p ON p.id = m.owner`,
  );
  res.json({ drugs: result.rows });
});

router.get('/drugs/recent', async (req, res) => { // expect: missing-phi-access
  const result = await pool.query(`SELECT id, name, strength, ndc FROM medications ORDER BY created_at DESC`);
  res.json({ drugs: result.rows });
});

export default router;
