from rest_framework import mixins, viewsets

from .models import FacilityPatientStatsHistory, PatientConsultation
from .serializers import FacilityPatientStatsHistorySerializer, PatientConsultationSerializer
from app.security.audit import phi_access


class FacilityPatientStatsHistoryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = FacilityPatientStatsHistory.objects.all()
    serializer_class = FacilityPatientStatsHistorySerializer


@phi_access(action="read", data_category="clinical", roles=["clinician"])
class FacilityConsultationHistoryViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    queryset = PatientConsultation.objects.all()
    serializer_class = PatientConsultationSerializer
