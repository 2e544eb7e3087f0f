import logging

from django.db import models


class UpdatesFromDictMixin(object):
    def update_from_dict(self, data, user, force=False):
        # Every subrecord below is set through here, the patient's demographics included.
        logging.info("updating {0} with {1}".format(self.__class__.__name__, data))  # expect: phi-in-log


class Subrecord(UpdatesFromDictMixin, models.Model):
    pass


class PatientSubrecord(Subrecord):
    pass


class Demographics(PatientSubrecord):
    first_name = models.CharField(max_length=255)


class LoadsFromDictMixin(object):
    def load_from_dict(self, data):
        # Only settings are built on this one: its dict holds no person's fields.
        logging.info("loading {0}".format(data))


class SiteSettings(LoadsFromDictMixin, models.Model):
    theme = models.CharField(max_length=20)
