from django.db import models
from rest_framework import mixins, viewsets

from .base import BaseModel
from .serializers import PatientInvestigationSerializer, PatientInvestigationValueSerializer, PatientSerializer


class PatientInvestigationGroup(BaseModel):
    name = models.CharField(max_length=500)


class PatientInvestigation(BaseModel):
    """A catalogue of tests: an entry's name, its unit and reference range."""

    name = models.CharField(max_length=500, unique=True)
    groups = models.ManyToManyField(PatientInvestigationGroup)
    unit = models.TextField(null=True, blank=True)
    min_value = models.FloatField(null=True)
    max_value = models.FloatField(null=True)


class PatientInvestigationValue(BaseModel):
    investigation = models.ForeignKey(PatientInvestigation, on_delete=models.PROTECT)
    consultation = models.ForeignKey("PatientConsultation", on_delete=models.PROTECT)
    value = models.FloatField(null=True)


class Patient(BaseModel):
    name = models.CharField(max_length=200)


class PatientInvestigationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = PatientInvestigationSerializer
    queryset = PatientInvestigation.objects.all()


class PatientInvestigationValueViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):  # expect: missing-phi-access
    serializer_class = PatientInvestigationValueSerializer
    queryset = PatientInvestigationValue.objects.all()


class PatientViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):  # expect: missing-phi-access
    serializer_class = PatientSerializer
    queryset = Patient.objects.all()
