// The host's own network interfaces (`os.networkInterfaces()`): `iface.address` is the server's
// IP, logged in a startup banner, not where a person lives. A patient's address is still reported.
import os from 'os';

function getNetworkIP(): string {
  const interfaces = os.networkInterfaces();
  for (const name of Object.keys(interfaces)) {
    for (const iface of interfaces[name] ?? []) {
      if (iface.family === 'IPv4' && !iface.internal) return iface.address;
    }
  }
  return 'localhost';
}

export function banner(port: number, patient: { address: string }): void {
  const networkIP = getNetworkIP();
  console.log(`Network accessible at: http://${networkIP}:${port}`);
  for (const iface of Object.values(os.networkInterfaces()).flat()) {
    if (iface && iface.family === 'IPv4') console.log('Listening on', iface.address);
  }
  console.log('Home visit at', patient.address);  // expect: phi-in-log
}
