def f(patient, resp, h, parts, text):
    logger.info("a {}{} for".format(h.get("x"), h.get('y')), extra={"patient_id": patient.id})
