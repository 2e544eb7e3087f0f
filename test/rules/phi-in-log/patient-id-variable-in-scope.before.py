def show(patient_id, patient):
    logger.info("dob %s", patient.dob)  # expect: phi-in-log
