# A log that runs only in Django's debug mode is a developer's aid; the else branch, and a log
# after the debug block, run in production and are still fixed.
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def send_code(patient, code):
    if settings.DEBUG:
        print(code, patient.phone_number)
    else:
        logger.info("Sent a code to %s", patient.phone_number)  # expect: phi-in-log


def check_phone(patient):
    try:
        validate(patient.phone_number)
    except ValueError:
        if settings.DEBUG and not settings.USE_SMS:
            logger.error("Invalid phone %s", patient.phone_number)
        logger.warning("Invalid phone for %s", patient.phone_number)  # expect: phi-in-log
