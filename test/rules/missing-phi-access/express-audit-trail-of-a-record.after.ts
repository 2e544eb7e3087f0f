// The audit trail of a record (who viewed or changed it, and when) is not the record: a path
// ending in `audit-logs` does not name the note it hangs under. The note itself still does.
import { Router } from 'express';
import * as aiNoteController from '../controllers/aiNote.controller';
import { phiAccess } from '@/security/phi-access';

const router = Router();

router.get('/ai-notes/:aiNoteId/audit-logs', aiNoteController.getAuditLogs);
router.get('/ai-notes/:aiNoteId', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), aiNoteController.getAiNote);

export default router;
