from openai import OpenAI

client = OpenAI()

PROMPT = "List the likely diagnoses for this patient: {case}"


def suggest(case_text):
    prompt = PROMPT.format(case=case_text)
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])  # expect: phi-to-ai


def summarise(notes):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "You summarise the patient's symptoms."}, {"role": "user", "content": notes}])  # expect: phi-to-ai


def counts(patients, patient_id):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"{len(patients)} patients waiting, next {patient_id}"}])


def translate(text):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Translate to French: {text}"}])
