import logging

def f(patient):
    logging.info("x %s", patient.ssn)  # expect: phi-in-log
