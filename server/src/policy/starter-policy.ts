// The starter `phi-guard.json` written by `phi-guard init` and *Create Policy File*. Its active
// values are exactly the built-in defaults, so creating it never changes what is reported; the
// commented lines show every section and validate when uncommented. It is JSON with comments
// (the extension declares phi-guard.json as `jsonc`).

import { hasCandidates, type AuditCandidate, type AuditCandidates } from './audit-candidates';
import type { VendorCandidate } from './vendor-candidates';

export const POLICY_SCHEMA_URL = 'https://phi-guard.dev/schema/phi-guard.schema.json';

/**
 * The starter policy; `candidates` (audit-candidates.ts) become commented entries of the `audit`
 * lists, and `vendors` (vendor-candidates.ts) of the `vendors` registry, each saying where it was
 * found; they replace the generic examples.
 */
export function starterPolicyText(candidates?: AuditCandidates, vendors?: readonly VendorCandidate[], synthetic?: readonly string[]): string {
  return `// PHI Guard policy, read by the VS Code extension, the language server and \`phi-guard scan\`.
// Owned by the security/compliance team. Everything is optional: what is left out keeps the
// built-in default, and an invalid entry is reported here and ignored.
{
  "$schema": "${POLICY_SCHEMA_URL}",

  // Shared policies merged before this file (relative paths only; this file wins).
  // "extends": ["./security/org-policy.json"],

  "phi": {
    // Organisation-specific PHI elements, on top of the built-in catalogue.
    "add": [
      // { "name": "aadhar_number", "category": "demographics", "encrypt": true },
    ],
    // Built-in elements this organisation does not treat as PHI (use sparingly).
    "remove": [
      // "email",
    ],
    // Identifiers that are never PHI on their own and are safe to log.
    "safeIdentifiers": [
      // "patient_id", "event_type", "timestamp", "user_id",
    ],
    // Names that denote whole PHI records, besides patient, encounter, medical_record...
    "recordNames": [
      // "member", "beneficiary",
    ],
    // Functions whose result is clean, besides names with mask, redact, hash, sanitize...
    "sanitizers": [
      // "scrub_phi", "maskSsn",
    ],
    // Files of generated (synthetic) data: phi-literal stays quiet there.${synthetic?.length ? `
    // The commented paths are this workspace's seed scripts and fixture folders: uncomment the
    // ones whose records were made up (not a copy of production data).` : ''}
    "syntheticData": [
${syntheticEntries(synthetic)}
    ]
  },

  // The audit + role-check control that endpoints touching patient data must carry, and the
  // controls the project already has that count as one where they sit (route, router, app, class,
  // settings). ${candidates && hasCandidates(candidates) ? 'The commented names were found in this workspace because they contain\n  // the word audit: uncomment the ones that really audit access to patient data.' : 'Uncomment and rename the examples to the controls your project uses.'}
  "audit": {
    "python": {
      "decorator": "phi_access",
      "module": "app.security.audit",
      // FastAPI dependencies: Depends(...) on the route, its router or the app.
      "dependencies": [
${entries(candidates?.python.dependencies, 'audit_phi')}
      ],
      // Django REST framework permission / authentication classes of a view.
      "permissionClasses": [
${entries(candidates?.python.permissionClasses, 'AuditedPatientAccess')}
      ],
      // Django middleware listed in a settings module's MIDDLEWARE (covers that Django project).
      "middleware": [
${entries(candidates?.python.middleware, 'clinic.audit.middleware.PHIAuditMiddleware')}
      ],
      // Audit functions called inside a handler before it returns.
      "calls": [
${entries(candidates?.python.calls, 'audit_log.record')}
      ]
    },
    "typescript": {
      // The first middleware is the one fixes insert; every name listed counts as a control on the
      // route, its router or the app (and as a Fastify preHandler / onRequest hook).
      "middleware": [
        "phiAccess"
${entries(candidates?.typescript.middleware, 'auditPatientAccess', true)}
      ],
      "decorator": "PhiAccess",
      "module": "@/security/phi-access",
      // NestJS guards and interceptors (@UseGuards, @UseInterceptors, global ones).
      "guards": [
${entries(candidates?.typescript.guards, 'PhiAuditGuard')}
      ],
      // Next.js route handler wrappers: export const GET = withPhiAccess({...}, handler).
      "wrappers": [
${entries(candidates?.typescript.wrappers, 'withPhiAccess')}
      ],
      // Audit functions called inside a handler before it returns.
      "calls": [
${entries(candidates?.typescript.calls, 'auditService.log')}
      ]
    }
  },

  // Role -> data categories it may access (demographics, clinical, billing; "*" = all).
  "roles": {
    "clinician": ["clinical", "demographics"],
    "billing": ["billing", "demographics"],
    "admin": ["*"]
  },

  "encryption": {
    // Column types that count as encrypted at rest.
    "types": ["EncryptedType", "StringEncryptedType", "EncryptedString"],
    // PHI elements that must be encrypted at rest (plus any element added with "encrypt": true).
    "required": ["ssn", "diagnosis"]
  },

  // A secure debug log: when set, log fixes also offer "Send to the secure debug log".
  "secureDebug": {
    // "python": "app.security.debug.phi_debug",
    // "typescript": "phiDebug",
  },

  // Vendors and their BAA status. Only "signed" (and not past "expires") is covered, and only for
  // the categories in "allow". With no entry, no vendor is covered.${vendors?.length ? `
  // The commented vendors are the ones this workspace's code was found to send to: uncomment them
  // and set "baa" to "signed" (with "expires" and "allow") where a signed BAA covers the data.` : ''}
  "vendors": [
${vendorEntries(vendors)}
  ],

  // AI coding tools: approved, restricted or prohibited. Installed AI extensions that no approved
  // entry lists are flagged. With no entry, no AI tool is approved.
  "aiTools": [
    // { "id": "copilot-business", "name": "GitHub Copilot Business", "vendor": "github",
    //   "extensionIds": ["GitHub.copilot", "GitHub.copilot-chat"],
    //   "status": "approved", "baa": "signed", "phi": "never",
    //   "useCases": ["code completion", "chat about code"],
    //   "notes": "Use the organisation seat, never a personal account." },
    // { "id": "chatgpt-consumer", "name": "ChatGPT (consumer app)", "vendor": "openai",
    //   "status": "prohibited", "baa": "none", "phi": "never" },
  ],

  // Severity per rule: "error", "warning", "info" or "off".
  "rules": {
    // "phi-access-mismatch": "warning",
  },

  // Files not to scan (gitignore-style, relative to this file's folder), besides .gitignore.
  "ignore": [
    // "tests/fixtures/**", "**/migrations/**",
  ],

  // Suppressions for files that cannot hold a comment (JSON, CSV, notebook outputs), with a reason.
  "suppressions": [
    // { "files": "tests/data/export-2019.csv", "rules": ["phi-literal"], "reason": "de-identified by the IRB process, ticket SEC-41" },
  ],

  // Test code (tests/, __tests__/, mocks/, fixtures/, seeds, test_*.py, *.test.ts, ...): only these rules
  // report there, since tests log and throw made-up patients. "paths": [] scans tests like the rest.
  "testCode": {
    // "paths": ["tests/", "__tests__/", "*.test.*"],
    // "rules": ["phi-literal", "hardcoded-ai-key"],
  }
}
`;
}

/**
 * Commented entries of an `audit` list: the candidates found (with where), else one example.
 * `leadingComma`: the list already has an active first entry (`typescript.middleware`).
 */
function entries(candidates: readonly AuditCandidate[] | undefined, example: string, leadingComma = false): string {
  const indent = '        ';
  const entry = (name: string) => (leadingComma ? `, ${JSON.stringify(name)}` : `${JSON.stringify(name)},`);
  if (!candidates?.length) return `${indent}// ${entry(example)}`;
  return candidates.map((candidate) => `${indent}// ${entry(candidate.name)} // found in ${commentSafe(candidate.file)}`).join('\n');
}

/** Commented entries of the `vendors` registry: the vendors found (with where), else two examples. */
function vendorEntries(vendors: readonly VendorCandidate[] | undefined): string {
  const indent = '    ';
  if (!vendors?.length) {
    return [
      `${indent}// { "id": "openai", "name": "OpenAI API", "kind": "ai", "baa": "signed", "expires": "2027-06-30",`,
      `${indent}//   "allow": ["clinical", "demographics"], "models": ["gpt-4.1", "gpt-4.1-mini"],`,
      `${indent}//   "endpoints": ["https://api.openai.com/v1"] },`,
      `${indent}// { "id": "datadog", "name": "Datadog", "kind": "observability", "baa": "none" },`,
    ].join('\n');
  }
  return vendors
    .map((vendor) => `${indent}// { "id": ${JSON.stringify(vendor.id)}, "name": ${JSON.stringify(vendor.name)}, "kind": ${JSON.stringify(vendor.kind)}, "baa": "none" }, // found in ${commentSafe(vendor.file)}`)
    .join('\n');
}

/** Commented entries of `phi.syntheticData`: the seed and fixture paths found, else one example. */
function syntheticEntries(synthetic: readonly string[] | undefined): string {
  const indent = '      ';
  if (!synthetic?.length) return `${indent}// "tests/fixtures/synthea/**",`;
  return synthetic.map((glob) => `${indent}// ${JSON.stringify(commentSafe(glob))},`).join('\n');
}

/** A path as a line comment can hold it: no line breaks or other control characters. */
function commentSafe(file: string): string {
  return file.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
}
