# A record fetched over HTTP by its REST path: the body of `GET /patients/{id}` is the patient's
# record. The status code, and the body of a path that names no record, are not.
import logging

import requests

logger = logging.getLogger(__name__)
BASE_URL = "https://ehr.example.org/api"


def sync_patient(pid: str) -> None:
    response = requests.get(f"{BASE_URL}/patients/{pid}", timeout=10)
    logger.info("status %s", response.status_code)
    logger.info("fetched %s", response.json())  # expect: phi-in-log
    logger.debug("raw body %s", response.text)  # expect: phi-in-log


def sync_settings(clinic: str) -> None:
    response = requests.get(f"{BASE_URL}/settings/{clinic}", timeout=10)
    logger.info("settings %s", response.json())
    logger.info("count %s", requests.get(f"{BASE_URL}/patients/count", timeout=10).json())
