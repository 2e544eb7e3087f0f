import structlog
log = structlog.get_logger()
def f(patient):
    log.info("seen", ssn=patient.ssn, visit_id=3)  # expect: phi-in-log
