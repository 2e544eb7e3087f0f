"""The audit + access control every PHI endpoint goes through.

HIPAA 164.312(b) (audit controls) and 164.312(a)(1) (access control): `@phi_access` checks the
caller's role against the data category, then appends an audit event (who, which patient, what,
when, from where) to an append-only JSON-lines file. It records ids only, never PHI values.
"""
import functools
import json
from datetime import datetime, timezone

from fastapi import HTTPException, Request

from app.config import AUDIT_LOG_PATH

ROLE_CATEGORIES = {
    "clinician": {"clinical", "demographics"},
    "billing": {"billing", "demographics"},
    "admin": {"*"},
}


def _role_may_access(role: str, data_category: str) -> bool:
    allowed = ROLE_CATEGORIES.get(role, set())
    return "*" in allowed or data_category in allowed


def _append_audit_event(event: dict) -> None:
    with open(AUDIT_LOG_PATH, "a", encoding="utf-8") as sink:
        sink.write(json.dumps(event) + "\n")


def phi_access(action: str, data_category: str, roles: list[str]):
    """Decorate a FastAPI handler that takes `request: Request` as a keyword parameter."""

    def decorator(handler):
        @functools.wraps(handler)
        async def wrapper(*args, **kwargs):
            request: Request = kwargs["request"]
            user = getattr(request.state, "user", None) or {}
            role = user.get("role", "")
            allowed = role in roles and _role_may_access(role, data_category)
            _append_audit_event(
                {
                    "user_id": user.get("id"),
                    "patient_id": kwargs.get("patient_id"),
                    "action": action,
                    "data_category": data_category,
                    "timestamp": datetime.now(timezone.utc).isoformat(),
                    "source_ip": request.client.host if request.client else None,
                    "allowed": allowed,
                }
            )
            if not allowed:
                raise HTTPException(status_code=403, detail="Role not permitted for this data category")
            return await handler(*args, **kwargs)

        return wrapper

    return decorator
