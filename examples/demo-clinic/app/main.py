"""Demo Clinic API: the FastAPI application."""
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

from app.routers import patients

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("clinic")


@asynccontextmanager
async def lifespan(app: FastAPI):
    logger.info("%s %s starting", app.title, app.version)
    yield


app = FastAPI(title="Demo Clinic API", version="0.3.0", lifespan=lifespan)
app.include_router(patients.router)


@app.middleware("http")
async def attach_user(request: Request, call_next):
    # Stand-in for the real identity provider: the gateway forwards the verified user and role.
    request.state.user = {
        "id": request.headers.get("x-user-id"),
        "role": request.headers.get("x-user-role", ""),
    }
    return await call_next(request)


@app.get("/health")
async def health():
    return {"status": "ok", "version": app.version}
