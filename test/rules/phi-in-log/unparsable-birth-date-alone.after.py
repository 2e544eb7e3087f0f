# A birth date that failed to parse, logged alone: malformed input that identifies no one.
import logging

from dateutil import parser as date_parser

logger = logging.getLogger(__name__)


def age_of(patient):
    birth_date = patient.birth_date
    try:
        return date_parser.parse(birth_date)
    except ValueError as error:
        logger.warning(f"Error parsing birthDate '{birth_date}': {error}")
        return None
