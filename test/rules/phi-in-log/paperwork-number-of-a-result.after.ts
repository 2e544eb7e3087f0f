// A field that numbers a clinical value's paperwork (the order it was placed under, the document
// it was filed in) is not a part of the value; the value's own fields are.
export async function submit(submitLabPromises: Promise<LabOrderResult>[]) {
  const labResults = await Promise.all(submitLabPromises);
  for (const result of labResults) {
    console.log(`eReq generated for order ${result.orderNumber} - docRef id: ${result.documentId}`);
    console.log(`result for order ${result.orderNumber}`);
  }
}
