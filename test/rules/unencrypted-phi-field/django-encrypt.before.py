from django.db import models

class Patient(models.Model):
    ssn = models.CharField(max_length=11)  # expect: unencrypted-phi-field
