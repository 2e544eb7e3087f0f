const express = require('express');
const controller = require('../controllers/visits.controller');
const authMiddleware = require('../middleware/auth');
const { phiAccess } = require('@/security/phi-access');

const router = express.Router();

router.get('/getAwaitingVisits', [authMiddleware, phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), controller.getAwaitingVisits]);
router.get('/patients/:patientId/messages', authMiddleware, phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), controller.getPatientMessages);
router.get('/getVisitCounts', [authMiddleware, controller.getVisitCounts]);
router.get('/ping', controller.ping);

module.exports = router;
