def f(patient):
    note = "Patient John Smith, SSN 123-45-6789"
    logger.info(note + " for " + patient.name)  # expect: phi-in-log
