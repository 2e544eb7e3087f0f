def show(patient):
    logger.info('Patient found: ' + patient.name + ', DOB: ' + patient.dob)  # expect: phi-in-log
