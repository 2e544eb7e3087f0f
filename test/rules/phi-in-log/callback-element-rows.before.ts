// An inline callback's element is a row of what it iterates: the names read off the rows of a
// query on the users, or of a GET of the API's users, are staff's, in `map` and `forEach` too.
// The same read off patients' or clients' rows is reported.
import api from '../lib/api';
import prisma from '../lib/prisma';

export async function loadPickerOptions(): Promise<void> {
  const response = await api.get('/users');
  console.log('All user roles:', response.data.data.map((u: any) => ({ name: `${u.firstName} ${u.lastName}`, roles: u.roles })));
  const patients = await api.get('/patients');
  console.log('Patients:', patients.data.data.map((p: any) => ({ name: `${p.firstName} ${p.lastName}` })));  // expect: phi-in-log
}

export async function weeklyReport(): Promise<void> {
  const users = await prisma.user.findMany({ where: { isActive: true } });
  users.forEach((user: any) => {
    console.log(`Non-compliant: ${user.firstName} ${user.lastName} (${user.email})`);
  });
  const clients = await prisma.client.findMany({});
  clients.forEach((client: any) => {
    console.log(`Client: ${client.firstName} ${client.lastName}`);  // expect: phi-in-log
  });
}
