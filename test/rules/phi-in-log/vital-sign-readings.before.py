import logging

from openai import OpenAI

logger = logging.getLogger(__name__)
client = OpenAI()


def out_of_range(vital_record, baselines, settings):
    if vital_record.Temperature > baselines["temperature"]:
        logger.info(f"Temperature {vital_record.Temperature} above baseline")  # expect: phi-in-log
    if vital_record.SystolicBP > baselines["systolic_bp"]:
        logger.info(f"Systolic BP {vital_record.SystolicBP} mmHg")  # expect: phi-in-log
    logger.info(f"SpO2 {vital_record.SpO2}, sugar {vital_record.BloodSugarLevel}")  # expect: phi-in-log
    logger.info(f"baseline temperature tolerance {settings.temperature}")
    logger.info(f"vital {vital_record.Id} checked")


def prescription_changed(original_medication, updated_medication):
    logger.info(f"old prescription: {original_medication.get('PrescriptionName')}")  # expect: phi-in-log
    logger.info(f"new prescription id: {updated_medication.get('PrescriptionId')}")


def summarise(text, settings):
    completion = client.chat.completions.create(model=settings.model, temperature=settings.temperature, messages=[])
    logger.info(f"sampled at temperature {completion.temperature}")
    return completion
