import json
import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

logger = logging.getLogger(__name__)


def _post_processor(instance, event, operation):
    if operation == "delete":
        changes = instance.__dict__
    else:
        changes = json.dumps(event)
    logger.info("AUDIT %s", instance.pk, extra={"instance_id": instance.id})


def _describe(instance):
    # Its string form is the model's own `__str__`, unknown here: not counted.
    logger.info("saved %s", instance)


@receiver(post_save, weak=False)
def post_save_signal(sender, instance, created, **kwargs):
    logger.debug("fields", extra={"instance_id": instance.id})
    _describe(instance)


@receiver(post_delete, weak=False)
def post_delete_signal(sender, instance, **kwargs):
    _post_processor(instance, None, "delete")
