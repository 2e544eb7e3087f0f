import logging

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.forms.models import model_to_dict

from .models import Invoice, Patient

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Patient)
def patient_saved(sender, instance, **kwargs):
    logger.info("patient saved", extra={"instance_id": instance.id})


@receiver(post_save, sender=Invoice)
def invoice_saved(sender, instance, **kwargs):
    # Registered for one model that is no patient record: its fields are the invoice's.
    logger.info("invoice saved %s", instance.__dict__)


def audit(instance):
    # No receiver for every model here: an `instance` is nobody's in particular.
    logger.info("audit %s", instance.__dict__)
