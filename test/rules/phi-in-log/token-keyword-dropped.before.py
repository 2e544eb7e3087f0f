import structlog
log = structlog.get_logger()
def f(patient, token):
    log.info("seen", ssn=patient.ssn, auth_token=token, visit_id=3)  # expect: phi-in-log
