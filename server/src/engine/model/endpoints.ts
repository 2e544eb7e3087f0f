// Endpoint facts (docs/architecture.md, Inside the engine): every HTTP endpoint a file's facts
// reveal, with its audit control and whether it touches patient data. Plain data only (ranges,
// strings), so the language server and the CLI can pass them on as they are.

import type { Framework } from '../catalogues/frameworks';
import type { PhiCategory } from '../catalogues/phi-elements';
import type { Range } from './ranges';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'ANY';

/** The frameworks are catalogues/frameworks.ts's entries. */
export type { Framework } from '../catalogues/frameworks';

export type AuditAction = 'read' | 'write' | 'delete';

/** An argument of the audit control as written; `values` is undefined when it is not a literal. */
export interface AuditArgument {
  values?: string[];
  /** The argument's value expression (what a fix replaces). */
  range: Range;
}

export interface AuditControl {
  /**
   * `decorator` (Python, NestJS) or `middleware` (Express...); for the controls the project
   * already has (docs/policy.md, `audit`): a FastAPI `dependency`, a DRF `permission-class`, a
   * `django-middleware`, a NestJS `guard` / interceptor, a Next.js `wrapper`, or an audit `call`
   * inside the handler.
   */
  kind: 'decorator' | 'middleware' | 'dependency' | 'permission-class' | 'django-middleware' | 'guard' | 'wrapper' | 'call';
  /** The name used (`phi_access`, `phiAccess`, `PhiAccess`, `audit_phi`...). */
  name: string;
  /**
   * Where it applies from: the endpoint itself, its router / blueprint, its class, the app (or a
   * global NestJS guard), or the Django project (a settings module's `MIDDLEWARE`).
   */
  level: 'endpoint' | 'router' | 'class' | 'app' | 'project';
  /**
   * A control the project already has, named in the policy's `audit` lists: it covers the
   * endpoint, and phi-access-mismatch checks only the arguments written at it (none may be).
   */
  existing?: boolean;
  /** The audit expression (call or bare decorator name). */
  range: Range;
  action?: AuditArgument;
  dataCategory?: AuditArgument;
  roles?: AuditArgument;
  /** Where a missing argument goes and how it is spelled; absent when it cannot be added safely. */
  insertion?: AuditInsertion;
}

export type AuditInsertion =
  /** Python keyword arguments: text is inserted at `position` (before the closing parenthesis). */
  | { style: 'python-kwargs'; position: Range['start']; hasArguments: boolean }
  /** A TS object literal argument: inserted after its last entry, or inside `{}`. */
  | { style: 'ts-object'; position: Range['start']; hasEntries: boolean }
  /** The whole audit expression must be rewritten (bare `@phi_access`, `phiAccess()`). */
  | { style: 'replace'; range: Range };

export interface DecoratorInfo {
  range: Range;
  role: 'route' | 'audit' | 'other';
}

/** Where the fix for a missing audit control goes. */
export type AuditPlacement =
  | {
      kind: 'python-decorator';
      /** The function's (or method's) decorators, in source order. */
      decorators: DecoratorInfo[];
      /** The `def` line (0-based) and its indentation. */
      defLine: number;
      indent: string;
    }
  | { kind: 'ts-decorator'; decorators: DecoratorInfo[]; methodLine: number; indent: string }
  | {
      kind: 'express-middleware';
      /** Where `phiAccess(...)` goes: just before the handler argument. */
      position: Range['start'];
    }
  | {
      /** Fastify: `preHandler: phiAccess(...)` in the route options. */
      kind: 'fastify-option';
      /** The route options object (`app.get(path, { ... }, handler)`, `app.route({ ... })`), when written. */
      options?: { range: Range; empty: boolean; firstEntry?: { position: Range['start']; indent: string; ownLine: boolean } };
      /** An existing `preHandler` value (a hook or an array of hooks) that the control joins. */
      preHandler?: { range: Range; array: boolean; empty: boolean };
      /** Where a new options object goes when there is none: before the handler argument. */
      handlerStart: Range['start'];
    }
  | {
      /** Next.js route handlers: the handler wrapped, `export const GET = withPhiAccess({...}, handler)`. */
      kind: 'nextjs-wrap';
      /** The export keyword(s) to replace (`export `, `export default `), up to the function. */
      exportRange: Range;
      /** `export const GET = ` or `export default `: what precedes the wrapper. */
      exportText: string;
      /** The end of the handler (function declaration or expression), where the wrapper closes. */
      end: Range['start'];
      /** A declaration (`function GET() {}`) needs `;` after the wrapper; an expression keeps its own. */
      declaration: boolean;
    };

export interface EndpointFact {
  framework: Framework;
  methods: HttpMethod[];
  /** The full path (router prefixes and mounts applied); empty when the route is not in this file. */
  path: string;
  handler: { name: string; range: Range };
  /** Where endpoint findings are reported (docs/rules/missing-phi-access.md): first decorator / def / registration call. */
  line: number;
  /** From the report point to the end of the handler's name. */
  range: Range;
  audit?: AuditControl;
  touchesPhi: boolean;
  categories: PhiCategory[];
  /** Short reasons, by names only (`path names patients`, `queries Prescription`). */
  why: string[];
  placement?: AuditPlacement;
  /** A DRF class's actions inherited from mixins and generic views (`list`, `create`...), reported at the class. */
  inheritedActions?: string[];
  /** The project's audit middleware that records writes only, when it leaves this endpoint (a read) unaudited. */
  writeOnlyAudit?: string;
}

/** A Django URLconf entry: a route whose view lives in another file (joined by the coverage report). */
export interface RouteReference {
  path: string;
  /** The view's function or class name (empty for `include()`). */
  view: string;
  kind: 'function' | 'class' | 'viewset' | 'include';
  /** For `include("app.urls")`: the included module. */
  module?: string;
  /** 0-based line of the `path()` call. */
  line: number;
}
