'use strict';
// The part of the Directory port an import uses, held in a Map: it measures the import engine
// without a store's own costs (the lowdb store's are measured by the lowdb scenario).

function memoryDirectory(contacts) {
  const stored = new Map(contacts.map((c) => [c.id, c]));
  const jobs = new Map();
  let writes = 0;
  return {
    backend: 'memory',
    writes: () => writes,
    async listContacts() {
      return [...stored.values()];
    },
    async listDistributionLists() {
      return [];
    },
    async applyContactChanges(changes) {
      writes++;
      const at = new Date().toISOString();
      const updated = changes.update.map((c) => ({ ...c, updatedAt: at }));
      const created = changes.create.map((c, i) => ({ ...c, id: `new-${writes}-${i}`, createdAt: at, updatedAt: at }));
      for (const contact of [...updated, ...created]) stored.set(contact.id, contact);
      return { created, updated, deleted: [] };
    },
    async createImportJob(job) {
      const record = { ...job, id: `job-${jobs.size + 1}`, startedAt: new Date().toISOString(), status: 'running', counts: {} };
      jobs.set(record.id, record);
      return record;
    },
    async updateImportJob(id, patch) {
      const record = { ...jobs.get(id), ...patch };
      jobs.set(id, record);
      return record;
    },
  };
}

module.exports = { memoryDirectory };
