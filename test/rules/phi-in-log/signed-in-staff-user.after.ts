// The account signed in to a request or a socket of a clinical back end is a member of staff:
// their name and e-mail are not a patient's. A patient read in the same handler still is.
import { logger } from '../lib/logger';

export function onConnect(socket) {
  logger.info('websocket connected', { userId: socket.user.id, userName: socket.user.fullName });
}

// A Cognito trigger's user attributes are those of the account signing up.
export async function postConfirmation(event) {
  const email = event.request.userAttributes.email;
  console.log(`User confirmed: ${email}`);
  return event;
}

export async function updateVisit(req, res) {
  logger.info('visit updated', { by: req.user.email, role: req.user.role });
  const patient = await loadPatient(req.params.id);
  logger.info('visit updated', { patientId: patient.id });
  res.json({ ok: true });
}
