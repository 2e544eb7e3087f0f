class InpatientAdmission(PatientSubrecord):
    def update_from_dict(self, data, *args, **kwargs):
        if "patient_id" not in data:
            raise ValueError("no patient id found in")


class FeatureFlag(models.Model):
    def update_from_dict(self, data, *args, **kwargs):
        if "name" not in data:
            raise ValueError("no name found in %s" % data)
