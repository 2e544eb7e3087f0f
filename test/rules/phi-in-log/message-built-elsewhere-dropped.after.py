def f(patient):
    msg = "Visit of Zebulon at " + patient.address
    logger.info("patient record", extra={"patient_id": patient.id})
