import logging
logger = logging.getLogger(__name__)

def f(patient):
    api_key = "sk-proj-Hq2mZ9xK4vL1nB8cR5tY3wE6uI0oP2aS4dF7gH9jK1lZ3xQ"  # expect: hardcoded-ai-key
    logger.info("using " + api_key + " for " + patient.name)  # expect: phi-in-log
