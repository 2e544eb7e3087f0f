import logging


class InpatientAdmission(PatientSubrecord):
    def update_from_dict(self, data, user):
        logging.info("updating admission with %s", data)  # expect: phi-in-log


class FeatureFlag(models.Model):
    # Not a patient record: the dict holds its own settings.
    def update_from_dict(self, data, user):
        logging.info("updating flag with %s", data)
