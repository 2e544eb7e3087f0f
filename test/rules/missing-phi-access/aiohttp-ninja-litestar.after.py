from aiohttp import web
from litestar import get
from ninja import NinjaAPI

from app.security.audit import phi_access

api = NinjaAPI()


@api.get("/patients/{pid}")
@phi_access(action="read", data_category="demographics", roles=["clinician", "billing"])
def get_patient(request, pid: int):
    return Patient.objects.get(pk=pid)


@api.get("/stats/admissions")
def admissions(request):
    return {"total": Admission.objects.count()}


@get("/encounters/{eid:int}")
@phi_access(action="read", data_category="clinical", roles=["clinician"])
async def encounter(eid: int) -> EncounterOut:
    return await repo.get(eid)


@phi_access(action="read", data_category="clinical", roles=["clinician"])
async def list_labs(request):
    return web.json_response(await db.fetch_lab_results())


async def health(request):
    return web.json_response({"ok": True})


app = web.Application()
app.add_routes([web.get("/labs", list_labs), web.get("/health", health)])
