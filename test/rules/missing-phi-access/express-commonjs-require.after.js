const express = require('express');
const { phiAccess } = require('@/security/phi-access');
const app = express();
app.get('/labs/:id', phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }), (req, res) => res.json(findLab(req.params.id)));
