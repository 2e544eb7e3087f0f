def f(patient, resp, h, parts, text):
    logger.info("p {} for".format("\\".join(parts)), extra={"patient_id": patient.id})
