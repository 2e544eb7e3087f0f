def show(patient):
    logger.info('Patient found', extra={"patient_id": patient.id})
