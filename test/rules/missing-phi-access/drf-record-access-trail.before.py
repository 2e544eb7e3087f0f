# The audit trail of a patient's record (who opened it, when) is about access, not the record:
# serving it reads no patient data. The view that opens the record reads it, and writing that
# trail before it answers is the project's own access audit; a view that does not write it is
# unaudited.
from rest_framework import viewsets
from rest_framework.response import Response

from .models import Patient, PatientRecordAccess


class PatientRecordAccessViewSet(viewsets.ViewSet):
    def retrieve(self, request, pk=None):
        return Response([access.to_dict() for access in PatientRecordAccess.objects.filter(patient_id=pk)])


class PatientViewSet(viewsets.ViewSet):
    def retrieve(self, request, pk=None):
        patient = Patient.objects.get(pk=pk)
        PatientRecordAccess.objects.create(patient=patient, user=request.user)
        return Response(patient.to_dict())


class PatientSummaryViewSet(viewsets.ViewSet):
    def retrieve(self, request, pk=None):  # expect: missing-phi-access
        patient = Patient.objects.get(pk=pk)
        return Response(patient.to_dict())
