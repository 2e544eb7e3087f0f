def f(patient, resp, h, parts, text):
    logger.info("status " + resp.headers.get("x-status") + " for " + patient.name)  # expect: phi-in-log
