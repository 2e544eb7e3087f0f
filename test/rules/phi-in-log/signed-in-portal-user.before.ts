// On the patient's side of a project (a patient portal), the account signed in is a patient's.
import { logger } from '../lib/logger';

export async function updateProfile(req, res) {
  logger.info('profile updated', { email: req.user.email });  // expect: phi-in-log
  res.json({ ok: true });
}
