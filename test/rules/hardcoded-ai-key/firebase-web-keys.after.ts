import { initializeApp } from 'firebase/app';
import { GoogleGenerativeAI } from '@google/generative-ai';

// A Firebase web app's config: its `apiKey` is a public identifier every browser receives, no AI key.
const firebaseConfig = {
  apiKey: 'AIza575yx8xm5MslfY5ubiheyEd7P4zDL-ak6J0',
  authDomain: 'clinic-app.firebaseapp.com',
  projectId: 'clinic-app',
  storageBucket: 'clinic-app.appspot.com',
  messagingSenderId: '670514565660',
};
export const app = initializeApp(firebaseConfig);
export const FIREBASE_WEB_API_KEY = 'AIzakGODKdinZnLXicaBAg8WY1jzIRlNQb0prFm';

// The same shape given to Gemini is an AI key.
export const genAI = new GoogleGenerativeAI(process.env.GOOGLE_API_KEY);
