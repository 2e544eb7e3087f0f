// The LOINC code of the test a result is for names a kind of test from a public table, not the
// result: logged while a report is drawn it is quiet. The result's value is not.
export function drawResult(labResult: LabResult) {
  if (labResult.loincCodeAndDisplay) {
    console.log('writing loinc code', labResult.loincCodeAndDisplay);
  }
  console.log('writing value');
}
