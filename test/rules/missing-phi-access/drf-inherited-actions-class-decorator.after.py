from django.db.models import Count
from rest_framework import generics, mixins, viewsets
from rest_framework.response import Response
from trytond.model import ModelSQL, ModelView

from app.security.audit import phi_access

from .models import Encounter, IcdCode, Patient
from .serializers import EncounterSerializer, IcdCodeSerializer, PatientSerializer


@phi_access(action="write", data_category="demographics", roles=["clinician", "billing"])
class PatientViewSet(viewsets.ModelViewSet):
    queryset = Patient.objects.all()
    serializer_class = PatientSerializer


@phi_access(action="read", data_category="clinical", roles=["clinician"])
class EncounterList(generics.ListAPIView):
    queryset = Encounter.objects.all()
    serializer_class = EncounterSerializer


@phi_access(action="read", data_category="clinical", roles=["clinician"])
class EncounterDetail(mixins.RetrieveModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = EncounterSerializer

    def get_queryset(self):
        return Encounter.objects.filter(clinician=self.request.user)

    @phi_access(action="read", data_category="clinical", roles=["clinician"])
    def list(self, request):
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
