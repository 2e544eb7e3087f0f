// A job of the human-resources module: the users it e-mails and logs are members of staff.
import { logger } from '../utils/logger';

export async function sendAttendanceAlerts(prisma) {
  const hrUsers = await prisma.user.findMany({ where: { roles: { has: 'HR' } } });
  for (const hrUser of hrUsers) {
    logger.info('Attendance alert sent', { email: hrUser.email });
  }
}
