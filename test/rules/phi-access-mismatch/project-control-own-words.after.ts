// The project's own audit middleware (named second in the policy) speaks its own words: CREATE is
// a write, VIEW a read, DELETE a delete whatever its case; a word it alone uses (EXPORT) is not
// judged, nor is what it audits on a staff route. Only a word meaning another action is wrong.
import express from 'express';
import { auditLog } from './middleware/audit';
import { createNote, getPatient, deleteNote, exportPatient, updateStaff, updatePatient } from './controllers/patients';

const router = express.Router();
router.post('/patients/:id/notes', auditLog({ entityType: 'Note', action: 'CREATE' }), createNote);
router.get('/patients/:id', auditLog({ entityType: 'Patient', action: 'VIEW' }), getPatient);
router.delete('/patients/:id/notes/:noteId', auditLog({ entityType: 'Note', action: 'DELETE' }), deleteNote);
router.post('/patients/:id/export', auditLog({ entityType: 'Patient', action: 'EXPORT' }), exportPatient);
router.put('/staff/:id', auditLog({ entityType: 'StaffMember', action: 'VIEW' }), updateStaff);
router.put('/patients/:id', auditLog({ entityType: 'Patient', action: 'WRITE' }), updatePatient);

export default router;
