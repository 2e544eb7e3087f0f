def f(dob):
    logger.info("born on")
