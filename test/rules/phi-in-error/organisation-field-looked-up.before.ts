// A licence number matched against an insurer's table is the insurer's: quiet. The same number
// looked up in a patient's insurance, or a name beside it, stays reported.
export async function createProvider(hospitalId: string, data: CreateInsuranceProviderDto) {
  const existing = await prisma.insuranceProvider.findFirst({ where: { hospitalId, licenseNumber: data.licenseNumber } });
  if (existing) throw new AppError(`Insurance provider with license number "${data.licenseNumber}" already exists`, 400);
  return prisma.insuranceProvider.create({ data: { hospitalId, ...data } });
}

export async function findPharmacy(data: PharmacyQuery) {
  const pharmacy = await Pharmacy.findOne({ licenseNumber: data.licenseNumber });
  if (!pharmacy) throw new AppError(`No pharmacy with license ${data.licenseNumber}`, 404);
  return pharmacy;
}

export async function addPolicy(data: PolicyDto) {
  const existing = await prisma.patientInsurance.findFirst({ where: { policyNumber: data.policyNumber } });
  if (existing) throw new AppError(`Policy ${data.policyNumber} already exists`, 400);  // expect: phi-in-error
  const insurer = await prisma.insuranceProvider.findFirst({ where: { licenseNumber: data.licenseNumber } });
  if (!insurer) throw new AppError(`No insurer ${data.licenseNumber} for ${data.patientName}`, 404);  // expect: phi-in-error
  return existing;
}
