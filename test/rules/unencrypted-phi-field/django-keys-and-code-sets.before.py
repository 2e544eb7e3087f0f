from django.db import models


# A code set: every patient's possible diagnosis codes, no row tied to a person. Not reported.
class LegacyDiagnosisCode(models.Model):
    diagnosis_code_ser_num = models.AutoField(primary_key=True, db_column='DiagnosisCodeSerNum')
    description = models.CharField(db_column='Description', max_length=2056)
    diagnosis_code = models.CharField(db_column='DiagnosisCode', max_length=100)


# One patient's diagnosis: its generated key and its serial in the source system are keys; the code is reported.
class LegacyDiagnosis(models.Model):
    diagnosis_ser_num = models.AutoField(primary_key=True, db_column='DiagnosisSerNum')
    patient_ser_num = models.ForeignKey('LegacyPatient', models.DO_NOTHING, db_column='PatientSerNum')
    diagnosis_aria_ser = models.CharField(db_column='DiagnosisAriaSer', max_length=32)
    diagnosis_code = models.CharField(db_column='DiagnosisCode', max_length=100)  # expect: unencrypted-phi-field


# A per-encounter code table is tied to a patient's care: reported.
class EncounterDiagnosisCode(models.Model):
    encounter = models.ForeignKey('Encounter', on_delete=models.CASCADE)
    diagnosis_code = models.CharField(max_length=100)  # expect: unencrypted-phi-field
