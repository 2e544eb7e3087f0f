// At the project's root, but a service that keeps running: what it logs is the product's.
const { Queue } = require('bullmq');

const reminders = new Queue('reminders');

async function start() {
  reminders.process(async (job) => {
    console.log('reminding', { patientId: job.data.patient.id });
  });
}

start();
