from django.http import JsonResponse
from app.security.audit import phi_access

@phi_access(action="read", data_category="clinical", roles=["clinician"])
def patient_chart(request, pk):
    return JsonResponse(load_chart(pk))
