from rest_framework.views import APIView
from app.security.audit import phi_access

class ClaimDetail(APIView):
    @phi_access(action="delete", data_category="billing", roles=["billing"])
    def delete(self, request, pk):
        return None
