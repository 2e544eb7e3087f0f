// A function named for an organisation (`getPharmacyDetail`) handles that organisation's contact
// details, whatever helper parsed them; the same address in a function about a patient, or read
// off the patient, is still the patient's.
import { parsePlaceAddress, searchPharmacies } from './helpers';

export const getPharmacyDetail = async (placesId: string) => {
  const data = await (await fetch(`https://places.example.com/v1/places/${placesId}`)).json();
  const addressParsed = parsePlaceAddress(data.addressComponents);
  console.log('searching pharmacies near', addressParsed);
  const formattedPlace = { name: data.displayName, address: data.formattedAddress, phone: data.nationalPhoneNumber };
  console.log('returning this formatted pharmacy info', JSON.stringify(formattedPlace));
  return searchPharmacies(addressParsed);
};

export const getPatientPharmacy = async (patient: Patient) => {
  const addressParsed = parsePlaceAddress(patient.address);
  console.log('searching pharmacies near', addressParsed); // expect: phi-in-log
  return searchPharmacies(addressParsed);
};

export const updateHomeAddress = async (placesId: string) => {
  const data = await (await fetch(`https://places.example.com/v1/places/${placesId}`)).json();
  console.log('new home address', data.formattedAddress); // expect: phi-in-log
};
