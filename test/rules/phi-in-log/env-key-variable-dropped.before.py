import os

def f(patient):
    api_key = os.environ["OPENAI_API_KEY"]
    logger.info(f"using {api_key} for {patient.name}")  # expect: phi-in-log
