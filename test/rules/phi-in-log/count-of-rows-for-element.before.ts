// A count of rows is a number, whatever it counted (`recentForEmail`); a value named for an
// e-mail that some helper returned is still the e-mail.
import { prisma } from '../db';
import { log } from '../log';
import { lookUpContactEmail } from '../contacts';

export async function requestMagicLink(email: string, applicant: Applicant) {
  const emailLower = email.trim().toLowerCase();
  const recentForEmail = await prisma.applicantPortalToken.count({ where: { emailLower } });
  if (recentForEmail >= 5) {
    log.warn('Daily ceiling reached for this address', { recentForEmail });
    return;
  }
  const contactEmail = await lookUpContactEmail(applicant);
  log.warn('Sending a sign-in link', { contactEmail }); // expect: phi-in-log
}
