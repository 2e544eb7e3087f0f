"""A log written only when the settings say DEBUG never reaches production logs; an else branch or an `or` does."""
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def send_otp(otp_obj, otp):
    if settings.USE_SMS:
        logger.info("OTP sent to patient %s", otp_obj.patient_id)
    elif settings.DEBUG:
        print(otp, otp_obj.phone_number)


def validate_number(patient):
    if settings.DEBUG:
        logger.error("Invalid phone number %s", patient.phone_number)
    else:
        logger.error("Invalid phone number %s", patient.phone_number)  # expect: phi-in-log
    if settings.DEBUG or settings.VERBOSE:
        logger.error("Checking %s", patient.phone_number)  # expect: phi-in-log
    if not settings.DEBUG:
        logger.error("Checking %s", patient.phone_number)  # expect: phi-in-log
