# A program's run has results too: the summary of a query execution is not a clinical note.
# The summary of a patient's lab results still is.
import logging

logger = logging.getLogger(__name__)


async def compose(executor, plan):
    execution_results = await executor.execute_query_plan(plan)
    logger.info(f"Query execution completed: {execution_results['executionSummary']['successful']} successful")


def report_test(test_results):
    logger.info("test summary", extra={"test_results_id": test_results.id})


def report(lab_results):
    logger.info("lab summary", extra={"lab_results_id": lab_results.id})
