def f(patient, resp, h, parts, text):
    logger.info("a " + h.get("x") + h.get('y') + " for " + patient.name)  # expect: phi-in-log
