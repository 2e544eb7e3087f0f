def f(patient):
    msg = "Visit of Zebulon at " + patient.address
    logger.info(msg)  # expect: phi-in-log
