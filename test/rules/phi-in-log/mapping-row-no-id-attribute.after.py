import logging

logger = logging.getLogger(__name__)


def import_row(row, patient):
    # A row read by key is a mapping: it has no `.id` attribute for the fix to log.
    logger.info("importing")
    logger.info("born")
    logger.info("matched", extra={"patient_id": patient.id})
