import logging

logger = logging.getLogger(__name__)


def missing_mrns(patients, active):
    missing = []
    for p in patients:
        if p.pk not in active:
            missing.append(p.mrn)
    logger.info("missing MRNs")
    logger.info("missing: %d", len(missing))
