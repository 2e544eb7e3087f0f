import express from 'express';
import { catalogue } from './services/catalogue';

const router = express.Router();

// The kinds of visit a practice offers (`/appointment-types/:id`): reference data.
router.get('/appointment-types/:appointmentTypeId', async (req, res) => {
  res.json(await catalogue.findById(req.params.appointmentTypeId));
});

router.delete('/visit-categories/:id', async (req, res) => {
  await catalogue.remove(req.params.id);
  res.status(204).end();
});

// One appointment is a patient's.
router.get('/appointments/:appointmentId', async (req, res) => { // expect: missing-phi-access
  res.json(await catalogue.findById(req.params.appointmentId));
});

export default router;
