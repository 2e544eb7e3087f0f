// A route-of-administration code that failed a lookup, alone in the error: reference data.
function dosageAndRouteOf(medicationAdministration) {
  return {
    dose: medicationAdministration.dosage?.dose?.value,
    route: medicationAdministration.dosage?.route?.coding?.[0]?.code,
  };
}

export function administrationRoute(orderData, medicationAdministration) {
  const routeCode = orderData.route ? orderData.route : dosageAndRouteOf(medicationAdministration).route;
  const routeCoding = searchRouteByCode(routeCode);
  if (!routeCoding) throw new Error(`No medication route was found for code: ${routeCode}`);
  return routeCoding;
}

// The drug itself, or the code beside the patient it was given to, stays reported.
export function administeredDose(orderData, medicationAdministration) {
  const dosage = dosageAndRouteOf(medicationAdministration).dose;
  if (!dosage) throw new Error(`No dose recorded for (orderDataId=${orderData.id})`);
  return dosage;
}

export function patientRoute(patient, medicationAdministration) {
  const routeCode = dosageAndRouteOf(medicationAdministration).route;
  if (!searchRouteByCode(routeCode)) throw new Error(`No route for code (medicationAdministrationId=${medicationAdministration.id})`);
  return routeCode;
}
