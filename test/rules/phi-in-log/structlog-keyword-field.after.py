import structlog
log = structlog.get_logger()
def f(patient):
    log.info("seen", visit_id=3, patient_id=patient.id)
