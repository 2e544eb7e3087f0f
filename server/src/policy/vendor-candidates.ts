// The third-party and AI vendors a workspace's code sends to, proposed by `phi-guard init` and
// *Create Policy File* as commented entries of the policy's `vendors` registry (docs/policy.md).
// A vendor's BAA is a fact of a contract, not of the code: PHI Guard never reads it from a README
// or a compliance checklist, so the policy is where a team states it. Listing the vendors the code
// was found to use, each with where, lets the team record the BAAs it has instead of learning the
// ids from the findings. Vendors are found as the rules find them (catalogues/vendors.ts): by the
// modules a file imports, the AWS services it makes clients of, and the API hosts it addresses.
// Only ids, names and the file they were found in are kept, never source text.

import { VENDOR_BY_CLIENT_CLASS, VENDORS, vendorForModule, vendorForUrl, type VendorEntry, type VendorKind } from '../engine/catalogues/vendors';
import { isTestFile, withoutComments } from './audit-candidates';

export interface VendorCandidate {
  /** The policy's vendor id (`vendors[].id`). */
  id: string;
  name: string;
  kind: VendorKind;
  /** Where it was first found: a path relative to the policy's folder, with `/`. */
  file: string;
}

/** At most this many proposals: the file is for people to read. */
export const MAX_VENDOR_CANDIDATES = 12;

/** Adds the vendors one file uses (`file`: its path relative to the policy's folder). */
export function collectVendorCandidates(candidates: VendorCandidate[], file: string, text: string): void {
  if (isTestFile(file) || candidates.length >= MAX_VENDOR_CANDIDATES) return;
  const python = file.endsWith('.py');
  const code = withoutComments(text, python ? '#' : '//');
  const modules = python ? pythonImports(code) : scriptImports(code);
  for (const module of modules) add(candidates, vendorForModule(module), file);
  for (const vendor of serviceClientVendors(code, modules)) add(candidates, vendor, file);
  for (const url of code.matchAll(/["'`](https?:\/\/[^"'`\s]{1,300})/g)) add(candidates, vendorForUrl(url[1]), file);
}

/** `import sentry_sdk`, `import a, b.c as d`, `from twilio.rest import Client`. */
function pythonImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/^[ \t]*from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b/gm)) found.push(match[1]);
  for (const match of text.matchAll(/^[ \t]*import[ \t]+([^\n#;]+)/gm)) {
    for (const part of match[1].split(',')) {
      const name = /^\s*([A-Za-z_][\w.]*)/.exec(part)?.[1];
      if (name) found.push(name);
    }
  }
  return found;
}

/** `import x from '@sendgrid/mail'`, `import '@sentry/node'`, `require('twilio')`, `import('posthog-js')`. */
function scriptImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\bfrom\s+["']([^"'\n]+)["']|^\s*import\s+["']([^"'\n]+)["']|\b(?:require|import)\s*\(\s*["']([^"'\n]+)["']\s*\)/gm)) {
    found.push(match[1] ?? match[2] ?? match[3]);
  }
  return found;
}

/**
 * Vendors a general SDK selects by service: `boto3.client("ses")`, `session.client('sns')`, and
 * `new AWS.SES()` of the `aws-sdk` v2 package the file imports.
 */
function serviceClientVendors(text: string, modules: readonly string[]): VendorEntry[] {
  const found: VendorEntry[] = [];
  if (modules.some((module) => module === 'boto3' || module.startsWith('boto3.'))) {
    for (const match of text.matchAll(/\.(?:client|resource)\(\s*(?:service_name\s*=\s*)?["']([\w-]+)["']/g)) {
      const vendor = VENDORS.find((entry) => entry.serviceClients?.module === 'boto3' && match[1].startsWith(entry.serviceClients.servicePrefix));
      if (vendor) found.push(vendor);
    }
  }
  const umbrellas = new Set(modules);
  for (const match of text.matchAll(/\bnew\s+[A-Za-z_$][\w$]*\.([A-Za-z_$][\w$]*)\s*\(/g)) {
    const vendor = VENDOR_BY_CLIENT_CLASS.get(match[1]);
    if (vendor?.umbrellaModules?.some((module) => umbrellas.has(module))) found.push(vendor);
  }
  return found;
}

/**
 * Lists a vendor once, in the order found. A framework in front of providers (LangChain, the
 * Vercel AI SDK) is no vendor a BAA is signed with: the provider behind it is.
 */
function add(candidates: VendorCandidate[], vendor: VendorEntry | undefined, file: string): void {
  if (!vendor || vendor.providerNotIdentified || candidates.length >= MAX_VENDOR_CANDIDATES) return;
  if (candidates.some((candidate) => candidate.id === vendor.id)) return;
  candidates.push({ id: vendor.id, name: vendor.name, kind: vendor.kind, file });
}
