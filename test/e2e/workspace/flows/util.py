import logging

logger = logging.getLogger(__name__)


def mask(value):
    return "***"


def record_visit(value):
    logger.info("visit recorded for %s", value)
