type PatientProperties = { patient: Patient; patientUuid: string };
type Form = { formUuid: string; name: string };
type FormProps = Form & Partial<PatientProperties>;
interface Patient { id: string; name: string }

export function renderForm(props: FormProps, form: Form): void {
  console.log('render', props); // expect: phi-in-log
  // Not the patient: the form's own fields, and a type with no record in it.
  console.log('render', props.formUuid, props.name, form);
}

export function FormView({ form, patient }: FormProps & { form: Form }): void {
  // A destructured name is typed by its own field, not by the whole props type.
  console.log('form', form);
}
