// The lookup failed or found nothing: the serialised response holds an error or an empty list.
export async function recoverEncounter(client, externalId) {
  const existing = await client.encounters.getAll({ externalId, limit: 1 });
  if (!existing.ok || existing.body.items.length === 0) {
    throw new Error(`encounter ${externalId} exists but lookup failed: ${JSON.stringify(existing)}`);
  }
  return existing.body.items[0].id;
}

// Thrown for any other reason, the response holds the encounter itself: reported.
export async function requireBilled(client, externalId) {
  const existing = await client.encounters.getAll({ externalId, limit: 1 });
  if (!existing.body.items[0].billed) {
    throw new Error(`encounter not billed (existingId=${existing.id})`);
  }
  if (!existing.ok || existing.body.items[0].status !== 'final') throw new Error(`not final (existingId=${existing.id})`);
  return existing.body.items[0].id;
}
