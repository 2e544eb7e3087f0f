from django.db import models
from django_cryptography.fields import encrypt

class Patient(models.Model):
    ssn = encrypt(models.CharField(max_length=11))
