def f(patient, resp, h, parts, text):
    logger.info("p " + "\\".join(parts) + " for " + patient.name)  # expect: phi-in-log
