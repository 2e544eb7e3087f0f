import logging

logger = logging.getLogger(__name__)


def show(controller, event, mrn):
    found = controller.get_immunization_by_id(event)
    logger.info("fetched", extra={"found_id": found.id})
    match = find_patient_by_mrn(mrn)
    logger.info("matched", extra={"match_id": match.id})
    # What follows `by` is the key; before it, no record noun.
    site = get_clinic_by_patient_id(event)
    logger.info("site %s", site)
    total = get_patient_count_by_ward(event)
    logger.info("total %s", total)
