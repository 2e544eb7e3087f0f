// A control the whole app shares cannot name one route's action or data: written without
// arguments it is not a mismatch. The same control on one route is expected to say them.
import express from 'express';
import { phiAccess } from './security/phi-access';
import { getPatient, updatePatient } from './controllers/patients';

const app = express();
app.use(phiAccess());
app.get('/patients/:id', getPatient);
app.put('/patients/:id', updatePatient);
app.get('/api/patients/:id/notes', phiAccess(), getPatient);  // expect: phi-access-mismatch
