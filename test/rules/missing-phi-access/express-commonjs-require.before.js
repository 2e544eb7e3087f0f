const express = require('express');
const app = express();
app.get('/labs/:id', (req, res) => res.json(findLab(req.params.id)));  // expect: missing-phi-access
