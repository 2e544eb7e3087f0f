// The audit trail of a record (who viewed or changed it, and when) is not the record: a path
// ending in `audit-logs` does not name the note it hangs under. The note itself still does.
import { Router } from 'express';
import * as aiNoteController from '../controllers/aiNote.controller';

const router = Router();

router.get('/ai-notes/:aiNoteId/audit-logs', aiNoteController.getAuditLogs);
router.get('/ai-notes/:aiNoteId', aiNoteController.getAiNote);  // expect: missing-phi-access

export default router;
