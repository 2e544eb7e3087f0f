// A callback given to a form component for its data is handed what was typed into the form: the
// encounter's clinical note, the patient's demographics. A login or settings form's values, and a
// callback that is not handed the data (`onCancel`), are not a patient's.
export function EncounterPage({ encounter, save }: { encounter: { id: string }; save: (d: unknown) => Promise<void> }) {
  return (
    <div>
      <ClinicalNoteForm
        encounterId={encounter.id}
        onUpdate={async (data) => {
          console.log('Saving clinical note data:', data);  // expect: phi-in-log
          await save(data);
        }}
        onCancel={(reason) => console.log('Cancelled', reason)}
      />
      <PatientForm
        onSubmit={(values) => {
          console.info('submitted', values);  // expect: phi-in-log
        }}
      />
      <LoginForm onSubmit={(values) => console.log('login form', values)} />
      <SettingsForm onSave={(settings) => console.log('settings saved', settings)} />
    </div>
  );
}
