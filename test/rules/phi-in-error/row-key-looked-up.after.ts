// The insurance row is looked up by `id`: `insuranceId` is that row's key, not a member number.
export async function createPriorAuthorization(prisma, data) {
  const insurance = await prisma.insuranceInformation.findUnique({
    where: { id: data.insuranceId },
  });
  if (!insurance) {
    throw new Error(`Insurance ${data.insuranceId} not found`);
  }
  const plan = await Plan.findById(data.memberId);
  if (!plan) throw new Error(`Plan ${data.memberId} not found`);
  return prisma.priorAuthorization.create({ data: { insuranceId: insurance.id } });
}

// Looked up by another column, the number is the one on the card: reported.
export async function verifyCoverage(prisma, data) {
  const insurance = await prisma.insuranceInformation.findFirst({
    where: { memberNumber: data.insuranceId },
  });
  if (!insurance) {
    throw new Error(`Insurance not found (recordId=${data.id})`);
  }
  return insurance;
}
