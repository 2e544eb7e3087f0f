// A serial number identifies a person when it is a device's they carry (an implant, a pump); a
// wallet pass's, a badge's or a ticket's serial identifies the pass, not a patient.
import { log } from './log';

export async function sweepPasses(passes: WalletPass[], badge: Badge, implant: Implant) {
  for (const pass of passes) {
    log.warn('could not refresh pass', { serial: pass.serialNumber });
  }
  log.info('badge printed', { serial: badge.serialNumber });
  log.info('implant registered', { implantId: implant.id });
}
