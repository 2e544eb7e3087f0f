# An insurance claim's patient is the patient's record.
import logging

logger = logging.getLogger(__name__)


def review(repository, claim_id):
    claim = repository.get_claim(claim_id)
    logger.info("reviewing claim for %s", claim.patient)  # expect: phi-in-log
    return claim
