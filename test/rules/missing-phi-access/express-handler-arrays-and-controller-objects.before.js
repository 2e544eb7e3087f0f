const express = require('express');
const controller = require('../controllers/visits.controller');
const authMiddleware = require('../middleware/auth');

const router = express.Router();

router.get('/getAwaitingVisits', [authMiddleware, controller.getAwaitingVisits]);  // expect: missing-phi-access
router.get('/patients/:patientId/messages', authMiddleware, controller.getPatientMessages);  // expect: missing-phi-access
router.get('/getVisitCounts', [authMiddleware, controller.getVisitCounts]);
router.get('/ping', controller.ping);

module.exports = router;
