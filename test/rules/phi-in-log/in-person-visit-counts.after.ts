// "In person" is a kind of visit, not a person: counts of in-person visits per location are quiet.
export function summarize(locationVisits: Map<string, { inPerson: number; telemed: number }>, person: Person) {
  console.log(
    'Location visits summary:',
    Array.from(locationVisits.entries()).map(([location, data]) => `${location}: ${data.inPerson} in-person, ${data.telemed} telemed`),
  );
  console.log('Visits:', { inPerson: 3, telemed: 2 });
  console.log('Checked in:', { personId: person.id });
}
