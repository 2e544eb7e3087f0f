// Rows a query on the users returned are staff's: an administrator's e-mail or name is not a patient's.
import { logger } from '../utils/logger';

export async function alertComplianceTeam(prisma, incidents) {
  const complianceTeam = await prisma.user.findMany({
    where: { roles: { hasSome: ['ADMINISTRATOR', 'SUPER_ADMIN'] } },
    select: { email: true, firstName: true },
  });
  for (const member of complianceTeam) {
    logger.info('Critical incident alert sent', { recipient: member.email, incidentCount: incidents.length });
  }
}

export async function acknowledgePolicy(prisma, data) {
  const [policy, user] = await Promise.all([
    prisma.policy.findUnique({ where: { id: data.policyId } }),
    prisma.user.findUnique({ where: { id: data.userId } }),
  ]);
  logger.info(`Policy ${policy.id} acknowledged by ${user.firstName} ${user.lastName}`);
}

export async function notifyPatient(prisma, data) {
  const [appointment, patient] = await Promise.all([
    prisma.appointment.findUnique({ where: { id: data.appointmentId } }),
    prisma.patient.findUnique({ where: { id: data.patientId } }),
  ]);
  logger.info(`Reminder for ${appointment.id} sent to`, { patientId: patient.id });
}

export async function remindPortalUsers(prisma) {
  const portalUsers = await prisma.user.findMany({ where: { role: 'PATIENT' } });
  for (const member of portalUsers) {
    logger.info('Reminder sent', { memberId: member.id });
  }
}
