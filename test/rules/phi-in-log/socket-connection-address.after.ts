// The address of a socket's handshake or connection is the network address (IP) of whoever
// connected, logged with the session's ids: not the postal address of a patient.
import { Logger } from '@nestjs/common';

const logger = new Logger('NotificationGateway');

export function handleConnection(client, socket) {
  logger.log('websocket connected', { clientId: client.id, ip: client.handshake.address });
  logger.log('socket peer', { address: socket.address, remote: socket.conn.remoteAddress });
}

export function notifyMove(patient) {
  logger.log(`patient moved patientId=${patient.id}`);
}
