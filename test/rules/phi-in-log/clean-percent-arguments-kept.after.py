def f(patient, visit):
    logger.info("visit %s for", visit.id, extra={"patient_id": patient.id})
