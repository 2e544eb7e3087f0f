import OpenAI from 'openai';
const openai = new OpenAI();

// The prompt's words say what the interpolated value is: the patient's case.
export async function suggest(payload: string) {
  const gptInput = 'Give a differential diagnosis. Keep in mind the background of the patient - ';
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `${gptInput} ${payload}` }] });  // expect: phi-to-ai
}

export async function fromTemplate(template: { value: string }, caseInformation: string) {
  const prompt = template.value.replace('[case information]', caseInformation);
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });  // expect: phi-to-ai
}

// A prompt about a patient that interpolates only counts and ids sends no case.
export async function counts(patients: string[], patientId: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `Summarise the load: ${patients.length} patients, first ${patientId}` }] });
}

// Free text without words about a patient is not judged by its variable names.
export async function translate(payload: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `Translate to French: ${payload}` }] });
}

// Patient words in the template but only constants interpolated.
const STYLE = 'formal';
export async function constants() {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `Write a patient leaflet in a ${STYLE} tone` }] });
}
