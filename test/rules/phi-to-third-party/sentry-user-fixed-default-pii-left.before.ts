import * as Sentry from '@sentry/node';
Sentry.init({ dsn: process.env.SENTRY_DSN, sendDefaultPii: true });  // expect: phi-to-third-party
export function f(patient) {
  Sentry.setUser({ email: patient.email });  // expect: phi-to-third-party
}
