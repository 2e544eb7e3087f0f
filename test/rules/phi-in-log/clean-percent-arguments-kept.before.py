def f(patient, visit):
    logger.info("visit %s for %s", visit.id, patient.name)  # expect: phi-in-log
