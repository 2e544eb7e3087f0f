def show(patient_id, patient):
    logger.info("dob", extra={"patient_id": patient_id})
