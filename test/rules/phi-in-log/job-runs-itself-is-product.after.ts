// A job in a jobs folder that runs its own main() is the product's scheduled work: what it logs is the product's log.
import { pool } from '../db/pool';

async function sendReminders() {
  const patients = await pool.query('SELECT first_name, phone FROM patients WHERE remind = true');
  for (const patient of patients.rows) console.log('reminding', { patientId: patient.id });
}

sendReminders().then(() => pool.end());
