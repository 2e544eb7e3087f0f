def f(patient, resp, h, parts, text):
    logger.info("s " + text[1:3] + " for " + patient.name)  # expect: phi-in-log
