# The same parse failure naming the patient: the name identifies them, so the call is reported.
import logging

from dateutil import parser as date_parser

logger = logging.getLogger(__name__)


def age_of(patient):
    birth_date = patient.birth_date
    try:
        return date_parser.parse(birth_date)
    except ValueError:
        logger.warning("Error parsing birthDate %s of %s", birth_date, patient.last_name)  # expect: phi-in-log
        return None
