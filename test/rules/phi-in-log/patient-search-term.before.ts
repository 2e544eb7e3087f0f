export class SearchService {
  async searchPatients(query: { q: string; limit?: number }, orgId: string) {
    try {
      return await this.db.find(orgId, query.q);
    } catch (error) {
      console.error('patient search failed', { orgId, query: query.q });  // expect: phi-in-log
      throw error;
    }
  }

  async searchDrugs(query: { q: string }) {
    // A drug catalogue search: the term is not about a patient.
    console.error('drug search failed', { query: query.q });
  }
}
