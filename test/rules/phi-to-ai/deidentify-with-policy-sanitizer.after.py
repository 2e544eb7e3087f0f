from openai import OpenAI
from app.phi import deidentify
client = OpenAI()

def f(patient):
    client.responses.create(model="gpt-4.1", input=deidentify(f"Explain {patient.diagnosis}"))
