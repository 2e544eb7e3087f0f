from openai import OpenAI
client = OpenAI()

def f(patient):
    client.responses.create(model="gpt-4.1", input=f"Explain {patient.diagnosis}")  # expect: phi-to-ai
