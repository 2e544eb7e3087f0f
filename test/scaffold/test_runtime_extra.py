"""Extra checks of the generated FastAPI runtime, beyond the generated test file: async
handlers, a handler that takes the Request itself, signature preservation, a pluggable
principal dependency and sink, and decorator-time validation. Copied into the scaffolded
project by test/unit/scaffold-runtime.test.mjs."""

import asyncio
import inspect
from typing import Any, Dict, List

import pytest
from fastapi import APIRouter, FastAPI, Request
from fastapi.testclient import TestClient

from app.security.audit import (
    CallbackAuditSink,
    InMemoryAuditSink,
    Principal,
    configure_audit,
    current_principal,
    get_audit_sink,
    phi_access,
)

router = APIRouter()
reached: List[str] = []


@router.get("/patients/{patient_id}/notes/{note_id}")
@phi_access(action="read", data_category="clinical", roles=["clinician"])
async def read_note(patient_id: str, note_id: str, verbose: bool = False) -> Dict[str, Any]:
    """An async handler with a query parameter."""
    await asyncio.sleep(0)
    reached.append("read_note")
    return {"patient_id": patient_id, "note_id": note_id, "verbose": verbose}


@router.post("/patients/{patient_id}/echo")
@phi_access(action="write", data_category="demographics", roles=["clinician", "billing"])
def echo(patient_id: str, request: Request) -> Dict[str, Any]:
    """A sync handler that asks for the Request itself."""
    reached.append("echo")
    return {"path": request.url.path}


@pytest.fixture()
def sink():
    previous = get_audit_sink()
    memory = InMemoryAuditSink()
    configure_audit(sink=memory)
    reached.clear()
    yield memory
    configure_audit(sink=previous)


@pytest.fixture()
def app() -> FastAPI:
    application = FastAPI()
    application.include_router(router)
    return application


def test_signature_is_preserved_for_fastapi():
    assert read_note.__name__ == "read_note"
    assert read_note.__doc__ == "An async handler with a query parameter."
    assert inspect.iscoroutinefunction(read_note)
    names = list(inspect.signature(read_note).parameters)
    assert names[:3] == ["patient_id", "note_id", "verbose"]
    assert not inspect.iscoroutinefunction(echo)


def test_async_handler_allowed_and_query_params_still_work(app, sink):
    response = TestClient(app).get("/patients/p-1/notes/n-1?verbose=true", headers={"X-User-Id": "u-1", "X-User-Role": "clinician"})
    assert response.status_code == 200
    assert response.json() == {"patient_id": "p-1", "note_id": "n-1", "verbose": True}
    assert reached == ["read_note"]
    assert [(e.outcome, e.action, e.patient_id, e.route) for e in sink.events] == [("allowed", "read", "p-1", "/patients/{patient_id}/notes/{note_id}")]


def test_async_handler_forbidden_never_runs(app, sink):
    response = TestClient(app).get("/patients/p-1/notes/n-1", headers={"X-User-Id": "u-1", "X-User-Role": "billing"})
    assert response.status_code == 403
    assert reached == []
    assert [e.outcome for e in sink.events] == ["denied"]


def test_a_role_missing_from_the_role_map_is_refused(app, sink):
    response = TestClient(app).get("/patients/p-1/notes/n-1", headers={"X-User-Id": "u-1", "X-User-Role": "janitor"})
    assert response.status_code == 403
    assert reached == []


def test_handler_taking_the_request_gets_it(app, sink):
    response = TestClient(app).post("/patients/p-2/echo", headers={"X-User-Id": "u-2", "X-User-Role": "billing"})
    assert response.status_code == 200
    assert response.json() == {"path": "/patients/p-2/echo"}
    assert sink.events[0].patient_id == "p-2" and sink.events[0].outcome == "allowed"


def test_pluggable_principal_and_sink(app):
    received = []
    previous = get_audit_sink()
    configure_audit(sink=CallbackAuditSink(received.append))
    app.dependency_overrides[current_principal] = lambda: Principal(user_id="from-token", role="clinician")
    try:
        response = TestClient(app).get("/patients/p-3/notes/n-3")
    finally:
        configure_audit(sink=previous)
    assert response.status_code == 200
    assert received[0].user_id == "from-token"


def test_a_failing_sink_fails_closed(app):
    def broken(event):
        raise OSError("audit store down")

    previous = get_audit_sink()
    configure_audit(sink=CallbackAuditSink(broken))
    reached.clear()
    try:
        response = TestClient(app, raise_server_exceptions=False).get("/patients/p-4/notes/n-4", headers={"X-User-Id": "u", "X-User-Role": "clinician"})
    finally:
        configure_audit(sink=previous)
    assert response.status_code == 500
    assert reached == []


def test_decorator_arguments_are_validated():
    with pytest.raises(ValueError):
        phi_access(action="view", data_category="clinical", roles=["clinician"])
    with pytest.raises(ValueError):
        phi_access(action="read", data_category="genomics", roles=["clinician"])
    with pytest.raises(ValueError):
        phi_access(action="read", data_category="clinical", roles=[])
    with pytest.raises(ValueError):
        phi_access(action="read", data_category="clinical", roles="clinician")
