from rest_framework.views import APIView

class ClaimDetail(APIView):
    def delete(self, request, pk):  # expect: missing-phi-access
        return None
