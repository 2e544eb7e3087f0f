import logging

logger = logging.getLogger(__name__)


def find_patient(patient):
    logger.info('Patient found: ' + patient.name + ', DOB: ' + patient.dob)
    return patient
