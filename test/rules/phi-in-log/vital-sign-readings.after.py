import logging

from openai import OpenAI

logger = logging.getLogger(__name__)
client = OpenAI()


def out_of_range(vital_record, baselines, settings):
    if vital_record.Temperature > baselines["temperature"]:
        logger.info("Temperature above baseline", extra={"vital_record_id": vital_record.id})
    if vital_record.SystolicBP > baselines["systolic_bp"]:
        logger.info("Systolic BP mmHg", extra={"vital_record_id": vital_record.id})
    logger.info("SpO2", extra={"vital_record_id": vital_record.id})
    logger.info(f"baseline temperature tolerance {settings.temperature}")
    logger.info(f"vital {vital_record.Id} checked")


def prescription_changed(original_medication, updated_medication):
    logger.info("old prescription")
    logger.info(f"new prescription id: {updated_medication.get('PrescriptionId')}")


def summarise(text, settings):
    completion = client.chat.completions.create(model=settings.model, temperature=settings.temperature, messages=[])
    logger.info(f"sampled at temperature {completion.temperature}")
    return completion
