def f(patient):
    note = "Patient John Smith, SSN 123-45-6789"
    logger.info(f"{note} for", extra={"patient_id": patient.id})
