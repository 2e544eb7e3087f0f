from aiohttp import web
from litestar import get
from ninja import NinjaAPI

from app.security.audit import phi_access

api = NinjaAPI()


@api.get("/patients/{pid}")  # expect: missing-phi-access
def get_patient(request, pid: int):
    return Patient.objects.get(pk=pid)


@api.get("/stats/admissions")
def admissions(request):
    return {"total": Admission.objects.count()}


@get("/encounters/{eid:int}")  # expect: missing-phi-access
async def encounter(eid: int) -> EncounterOut:
    return await repo.get(eid)


async def list_labs(request):  # expect: missing-phi-access
    return web.json_response(await db.fetch_lab_results())


async def health(request):
    return web.json_response({"ok": True})


app = web.Application()
app.add_routes([web.get("/labs", list_labs), web.get("/health", health)])
