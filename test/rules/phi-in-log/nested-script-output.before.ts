// A file in the source tree that exports nothing and runs a function of its own is a program an
// operator runs by hand (a query against the demo tenant): it prints to that operator's terminal.
import { pool } from './pool';

async function queryAppointments() {
  const tenantId = 'tenant-demo';
  const patients = await pool.query('SELECT first_name, last_name FROM patients WHERE tenant_id = $1', [tenantId]);
  for (const patient of patients.rows) console.log(`${patient.first_name} ${patient.last_name}`);
}

queryAppointments().then(() => pool.end());
