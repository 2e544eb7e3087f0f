# The errors of a request that failed validation carry the rejected input (pydantic v2 puts it in
# each error; `exc.body` is the body): a patient form with one wrong field is logged whole. The
# URL, the error count, and the errors of a settings file's validation are not a patient's.
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError

logger = logging.getLogger(__name__)
app = FastAPI()


class Settings(BaseModel):
    port: int


@app.exception_handler(RequestValidationError)
async def validation_exception_handler(request: Request, exc: RequestValidationError):
    logger.error(f"Validation error at {request.url}: {exc.errors()}")  # expect: phi-in-log
    logger.warning("%d validation errors at %s", len(exc.errors()), request.url)
    return JSONResponse(status_code=422, content={"detail": "invalid request"})


@app.exception_handler(RequestValidationError)
async def log_rejected_body(request, exc):
    logger.info("rejected body: %s", exc.body)  # expect: phi-in-log
    return JSONResponse(status_code=422, content={"detail": "invalid request"})


def load_settings(raw: dict) -> Settings:
    try:
        return Settings(**raw)
    except ValidationError as exc:
        logger.error("bad settings: %s", exc.errors())
        raise
