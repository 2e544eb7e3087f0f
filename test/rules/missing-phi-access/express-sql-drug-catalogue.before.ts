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

// A drug-interaction reference table read by a drug's code, whatever its columns.
router.get('/:rxcui/interactions', async (req, res) => {
  const result = await pool.query(
    `SELECT * FROM drug_interactions WHERE drug1_rxcui = $1 OR drug2_rxcui = $1 ORDER BY severity`,
    [req.params.rxcui],
  );
  const interactions = result.rows.map((row) => ({ drug: row.drug2_name, severity: row.severity }));
  res.json({ interactions });
});

// A patient's list filtered by a drug is every patient on it.
router.get('/prescriptions/by-drug', async (req, res) => { // expect: missing-phi-access
  const result = await pool.query(`SELECT * FROM prescriptions WHERE ndc = $1`, [req.query.ndc]);
  const prescriptions = result.rows.map((row) => ({ drug: row.drug_name, status: row.status }));
  res.json({ prescriptions });
});

// The catalogue joined to a patient's list is the list.
router.get('/:rxcui/patients', async (req, res) => { // expect: missing-phi-access
  const result = await pool.query(
    `SELECT * FROM drug_interactions di JOIN patient_medications pm ON pm.rxcui = di.drug1_rxcui WHERE di.drug1_rxcui = $1`,
    [req.params.rxcui],
  );
  res.json({ rows: result.rows });
});

export default router;
