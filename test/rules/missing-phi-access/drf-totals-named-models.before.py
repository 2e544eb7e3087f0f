from rest_framework import mixins, viewsets

from .models import FacilityPatientStatsHistory, PatientConsultation
from .serializers import FacilityPatientStatsHistorySerializer, PatientConsultationSerializer


class FacilityPatientStatsHistoryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = FacilityPatientStatsHistory.objects.all()
    serializer_class = FacilityPatientStatsHistorySerializer


class FacilityConsultationHistoryViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):  # expect: missing-phi-access
    queryset = PatientConsultation.objects.all()
    serializer_class = PatientConsultationSerializer
