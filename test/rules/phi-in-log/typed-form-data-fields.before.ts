interface VitalsFormData { systolic: number; diastolic: number; heartRate: number }
interface PatientFormData { firstName: string; lastName: string; dateOfBirth: string }
interface MedicalHistoryEntry { category: string; diagnosis: string }
interface CrisisResourceFilter { city: string; state: string }
interface OnboardingReminder { userName: string; email: string }
interface ProviderFormData { firstName: string; lastName: string }

export const handleSaveVitals = async (data: VitalsFormData) => {
  console.log('Vitals captured:', data); // expect: phi-in-log
};

export function submitRegistration(form: PatientFormData) {
  console.log('Submitting', form); // expect: phi-in-log
}

export function recordHistory(patientId: string, entry: MedicalHistoryEntry) {
  console.log('History entry', { patientId, category: entry.category });
}

export function listResources(filter: CrisisResourceFilter, reminder: OnboardingReminder, provider: ProviderFormData) {
  console.log('Filtering resources', filter);
  console.log('Reminder due', reminder);
  console.log('Provider saved', provider);
}
