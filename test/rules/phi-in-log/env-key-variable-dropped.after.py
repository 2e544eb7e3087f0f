import os

def f(patient):
    api_key = os.environ["OPENAI_API_KEY"]
    logger.info("using", extra={"patient_id": patient.id})
