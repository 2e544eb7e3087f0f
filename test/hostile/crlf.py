import logging

logger = logging.getLogger(__name__)
# marker: CRLF line endings (one NUL byte in a comment)


def show(patient):
    logger.info("patient %s", patient.ssn)
