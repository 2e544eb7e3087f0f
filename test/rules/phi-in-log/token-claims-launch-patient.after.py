# SMART on FHIR puts the id of the patient in context into the token's claims: `claims.patient` is an id.
import logging

logger = logging.getLogger(__name__)


def authorize(token_service, token):
    validation = token_service.validate_access_token(token)
    claims = validation.claims
    logger.info("token for launch patient %s", claims.patient)
    return claims
