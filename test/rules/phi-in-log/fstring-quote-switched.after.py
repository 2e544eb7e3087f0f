def f(patient, resp, h, parts, text):
    logger.info(f'status {resp.headers.get("x-status")} for', extra={"patient_id": patient.id})
