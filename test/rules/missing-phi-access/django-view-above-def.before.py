from django.http import JsonResponse

def patient_chart(request, pk):  # expect: missing-phi-access
    return JsonResponse(load_chart(pk))
