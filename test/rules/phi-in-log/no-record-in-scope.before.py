def f(dob):
    logger.info("born on %s", dob)  # expect: phi-in-log
