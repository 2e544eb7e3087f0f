import logging

logger = logging.getLogger(__name__)


def report(count):
    logger.info('Processed %d appointments', count)
    return count
