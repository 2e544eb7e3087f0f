import logging

logger = logging.getLogger(__name__)


def import_row(row, patient):
    # A row read by key is a mapping: it has no `.id` attribute for the fix to log.
    logger.info("importing %s", row["mrn"])  # expect: phi-in-log
    logger.info("born %s", row.get("date_of_birth"))  # expect: phi-in-log
    logger.info("matched %s", patient.ssn)  # expect: phi-in-log
