def f(patient, resp, h, parts, text):
    logger.info(f"s {(text[1:3])} for", extra={"patient_id": patient.id})
