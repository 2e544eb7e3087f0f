// Audit Coverage fixture (test/e2e): an Express route with its audit middleware.
const express = require('express');
const { phiAccess } = require('./phiAccess');

const router = express.Router();

router.get('/visits/:id', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  res.json(await loadVisit(req.params.id));
});

module.exports = router;
