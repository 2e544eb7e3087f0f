"""A dict logged whole carries the keys the function reads off it; an object's attributes do not say its string form shows them."""
import json
import logging

logger = logging.getLogger(__name__)


def update_from_dict(data, user):
    logger.info("updating with %s", data)  # expect: phi-in-log
    if data.get("date_of_birth"):
        return data["first_name"]


def process(row, admission, summary):
    print(json.dumps(row))  # expect: phi-in-log
    logger.info("admission %s", admission)
    logger.info("summary %s", summary)
    return row["nhs_number"], admission.admission_diagnosis, summary["total"], summary["failed"]
