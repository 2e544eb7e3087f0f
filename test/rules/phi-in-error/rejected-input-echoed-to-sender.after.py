# A request's own rejected input, sent back to its sender in the validation error response (what
# FastAPI itself answers), shows no one anything new. Put into an exception message, which error
# trackers and logs collect, it is still reported.
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

app = FastAPI()


@app.exception_handler(RequestValidationError)
async def validation_exception_handler(request: Request, exc: RequestValidationError):
    return JSONResponse(status_code=422, content={"detail": exc.errors(), "body": exc.body})


@app.exception_handler(RequestValidationError)
async def escalate_validation_error(request: Request, exc: RequestValidationError):
    raise RuntimeError(f"invalid request at {request.url}")
