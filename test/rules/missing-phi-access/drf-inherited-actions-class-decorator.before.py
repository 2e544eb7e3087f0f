from django.db.models import Count
from rest_framework import generics, mixins, viewsets
from rest_framework.response import Response
from trytond.model import ModelSQL, ModelView

from app.security.audit import phi_access

from .models import Encounter, IcdCode, Patient
from .serializers import EncounterSerializer, IcdCodeSerializer, PatientSerializer


class PatientViewSet(viewsets.ModelViewSet):  # expect: missing-phi-access
    queryset = Patient.objects.all()
    serializer_class = PatientSerializer


@phi_access(action="read", data_category="clinical", roles=["clinician"])
class EncounterList(generics.ListAPIView):
    queryset = Encounter.objects.all()
    serializer_class = EncounterSerializer


class EncounterDetail(mixins.RetrieveModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):  # expect: missing-phi-access
    serializer_class = EncounterSerializer

    def get_queryset(self):
        return Encounter.objects.filter(clinician=self.request.user)

    def list(self, request):  # expect: missing-phi-access
        return Response(EncounterSerializer(self.get_queryset(), many=True).data)


class PatientStatsViewSet(viewsets.ViewSet):
    def list(self, request):
        return Response(Patient.objects.values("ward").annotate(total=Count("id")))


class IcdCodeViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    queryset = IcdCode.objects.all()
    serializer_class = IcdCodeSerializer


class PatientRecord(ModelSQL, ModelView):
    @classmethod
    def create(cls, vlist):
        return super().create(vlist)
