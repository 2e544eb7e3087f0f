// On the patient's side of a project (a patient portal), the account signed in is a patient's.
import { logger } from '../lib/logger';

export async function updateProfile(req, res) {
  logger.info('profile updated', { userId: req.user.id });
  res.json({ ok: true });
}
