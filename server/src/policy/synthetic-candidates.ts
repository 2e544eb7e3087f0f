// The seed scripts and fixture folders of a workspace, proposed by `phi-guard init` and *Create
// Policy File* as commented entries of the policy's `phi.syntheticData` (files of generated data,
// where phi-literal stays quiet). Whether a seed script's people were made up is the team's to
// say: a seed can also load a copy of production. Listing where they are lets the team say so in
// one line each instead of suppressing finding after finding. Only paths are kept.

/** At most this many proposals: the file is for people to read. */
export const MAX_SYNTHETIC_CANDIDATES = 10;

/** Words of a folder that holds seed or fixture data as a whole. */
const DATA_FOLDER_WORDS = new Set(['seed', 'seeds', 'seeder', 'seeders', 'seeding', 'fixture', 'fixtures']);
/** Words of a file's own name that make it a seed script or seed data (`seedCongoData.js`, `prisma/seed.ts`). */
const SEED_FILE_WORDS = new Set(['seed', 'seeds', 'seeder', 'seeders', 'seeding']);

const SOURCE_OR_DATA = /\.(?:py|[cm]?[jt]sx?|json|jsonl|ya?ml|csv|tsv|hl7)$/i;

/** `seedCongoData` -> seed, congo, data. */
function words(name: string): string[] {
  return name
    .replace(/\.[^.]*$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Adds the glob of one file (`file`: its path relative to the policy's folder, with `/`) when it is seed or fixture data. */
export function collectSyntheticCandidates(candidates: string[], file: string): void {
  if (candidates.length >= MAX_SYNTHETIC_CANDIDATES || !SOURCE_OR_DATA.test(file)) return;
  const segments = file.split('/');
  const name = segments.pop() ?? '';
  const folderIndex = segments.findIndex((segment) => words(segment).some((word) => DATA_FOLDER_WORDS.has(word)));
  const glob = folderIndex >= 0 ? `${segments.slice(0, folderIndex + 1).join('/')}/**` : words(name).some((word) => SEED_FILE_WORDS.has(word)) ? file : undefined;
  if (glob && !candidates.includes(glob)) candidates.push(glob);
}
