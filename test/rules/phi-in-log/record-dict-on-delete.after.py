import logging

from .models import Patient

logger = logging.getLogger(__name__)


def on_delete(sender, instance: Patient, **kwargs):
    changes = dict(instance.__dict__)
    logger.info("deleted", extra={"instance_id": instance.id})
