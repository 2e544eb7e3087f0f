// A value read off the result of a count query (`treatmentCountResult.rows[0].next_number`) is a
// number, whatever the variable it lands in is called. A treatment read off another query is still reported.
export async function record(client: any, logger: any, courseId: string, diagnosisRows: any) {
  const treatmentCountResult = await client.query('SELECT COALESCE(MAX(treatment_number), 0) + 1 AS next_number FROM t WHERE course_id = $1', [courseId]);
  const treatmentNumber = treatmentCountResult.rows[0].next_number;
  logger.info('Phototherapy treatment recorded', { courseId, treatmentNumber });
  const treatmentResult = await client.query('SELECT treatment FROM t WHERE course_id = $1', [courseId]);
  const treatment = treatmentResult.rows[0].treatment;
  logger.info('Phototherapy treatment', { courseId, treatment });  // expect: phi-in-log
}
