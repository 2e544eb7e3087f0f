import express from 'express';
import { getBookingEnabledClinics, getBookingSettingsByOrgId, getBookingById, searchPharmacyDirectory, getExpectedTokenClaims, getPatientClaims, lookupBookings } from './services/booking';
import { settings } from './config';

const router = express.Router();

// A name is about its head: settings, a list of clinics, what a sign-in token asserts, the members
// of a configuration object. None of these reads a patient's record.
router.get('/booking-settings', async (req, res) => {
  res.json(await getBookingSettingsByOrgId(req.query.orgId));
});

router.get('/clinics', async (req, res) => {
  res.json(await getBookingEnabledClinics());
});

router.post('/reset-password', async (req, res) => {
  const claims = await getExpectedTokenClaims(req.body.token);
  res.json({ ok: claims.sub !== undefined });
});

router.get('/opening-hours', async (req, res) => {
  const [hour, minute] = settings.publicBookingStart.split(':');
  res.json({ hour, minute });
});

// `/booking/:clinicSlug/...`: the parameter addresses a clinic, not a booking.
router.get('/booking/:clinicSlug/pharmacies', async (req, res) => {
  res.json(await searchPharmacyDirectory(req.query.q));
});

// A booking addressed by its own id, a patient's insurance claims, a clinic's bookings: reported.
router.get('/bookings/:bookingId', async (req, res) => { // expect: missing-phi-access
  res.json(await getBookingById(req.params.bookingId));
});

router.get('/patients/:patientId/claims', async (req, res) => { // expect: missing-phi-access
  res.json(await getPatientClaims(req.params.patientId));
});

router.get('/clinics/:clinicSlug/bookings', async (req, res) => { // expect: missing-phi-access
  res.json(await lookupBookings(req.params.clinicSlug));
});

export default router;
