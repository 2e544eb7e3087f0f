// What a workspace says about audit controls that sit outside the file being analysed
// (docs/policy.md, `audit`): the Django settings modules and their `MIDDLEWARE`, and the NestJS
// guards and interceptors registered globally. Computed before the rules run (the CLI's pre-pass,
// the language server per workspace folder) from names only, and passed to the engine as data.

export interface DjangoSettingsModule {
  /** Absolute path of the settings module (a file assigning `MIDDLEWARE = [...]`). */
  file: string;
  /** Absolute folder of the Django project it configures: the views under it are covered. */
  projectRoot: string;
  /** The `MIDDLEWARE` entries, as written (`clinic.audit.middleware.PHIAuditMiddleware`). */
  middleware: string[];
  /**
   * `REST_FRAMEWORK`'s `DEFAULT_PERMISSION_CLASSES` / `DEFAULT_AUTHENTICATION_CLASSES`, as
   * written: they apply to every DRF view of the project that does not set its own.
   */
  drfDefaults?: { permission: string[]; authentication: string[] };
}

export interface NestGlobalControls {
  /** Absolute path of the file registering them (`app.useGlobalGuards(...)`, an `APP_GUARD` provider). */
  file: string;
  /** Absolute folder of the package the registration belongs to (its nearest package.json). */
  packageRoot: string;
  /** The guard and interceptor class names. */
  names: string[];
}

/** `app.include_router(patients.router, dependencies=[Depends(audit_phi)])` in another file than the routes. */
export interface FastApiMount {
  /** Absolute path of the file that mounts the router (`main.py`). */
  file: string;
  /** Absolute path of the module defining the router, resolved from the mounting file's imports ('' when they do not resolve it). */
  routerFile: string;
  /** The router's name in that module (`router`). */
  routerName: string;
  /** The names in the call's `Depends(...)` / `Security(...)` dependencies. */
  dependencies: string[];
  /** Mounted only under a debug switch (`if settings.DEBUG: app.include_router(debug_router)`): development tooling. */
  debugOnly?: boolean;
}

/** `app = FastAPI(dependencies=[Depends(audit_phi)])`: every app of a Python project, with its dependencies. */
export interface FastApiApp {
  file: string;
  /** The folder the project's dotted module names start from (above every package folder). */
  projectRoot: string;
  dependencies: string[];
}

/** `app.use('/api/x', mw, xRouter)` / `app.use(mw)` in a TS/JS file, with the routers it mounts. */
export interface ExpressUse {
  file: string;
  /** The app or router it is called on (`app`). */
  receiver: string;
  /** Where the call starts in the file: what is `use`d before a mount runs before its routes. */
  offset: number;
  /** The path it is limited to (`'/api/encounters'`), if any. */
  prefix?: string;
  /** The last name of each argument after the path (`requireAuth`, `encountersRouter`). */
  names: string[];
  /** The arguments imported from a workspace module: the routers it mounts (index into `names`). */
  routers: { file: string; name: string; index: number }[];
}

/** `registerRoutes(app)`: an app or router handed to a function of another workspace module. */
export interface ExpressPass {
  file: string;
  receiver: string;
  offset: number;
  /** The module the function was imported from. */
  calleeFile: string;
}

/**
 * A middleware module that audits only the request paths it lists (`const PHI_ROUTE_PREFIXES =
 * ['/api/patients', ...]; if (!PHI_ROUTE_PREFIXES.some((p) => req.path.startsWith(p))) return next()`):
 * its exported functions cover a route iff the route's full path is under one of them.
 */
export interface PathListedMiddleware {
  file: string;
  /** The functions the module exports. */
  names: string[];
  /** The listed path prefixes. */
  prefixes: string[];
}

/** What a TS/JS module imports: the workspace files of its relative imports, the last names of the others (path aliases). */
export interface ModuleImports {
  file: string;
  files: string[];
  /** `@/routes/labs` -> labs; `~/routes/labs/index` -> labs. */
  stems: string[];
  /**
   * The names taken from each loaded module, keyed like `files` and `stems` (workspace/imported-names.ts):
   * exported names, `default`, `*` for every name, `*commonjs*` for the value `module.exports` was set to.
   */
  names?: Record<string, string[]>;
  /** It imports a view the workspace does not read (`./App.vue`, `.svelte`): what those views import is unknown. */
  unreadViews?: true;
  /** The member names the module calls (`x.sendReminder(`): a method of an instance handed around may be any of them. */
  calls?: string[];
  /** It loads modules by a computed name (`require(\`./routes/${name}\`)`): which, is unknown. */
  dynamic?: true;
  /** It loads modules by a computed name, each under one of these folders (absolute paths). */
  dynamicUnder?: string[];
}

/** A logger a workspace module makes with its own redaction step (`createLogger({ format: combine(phiRedactionFormat(), ...) })`). */
export interface RedactingLogger {
  /** Absolute path of the module that makes it. */
  file: string;
  /** The variable it is bound to there (and exported as). */
  name: string;
  /**
   * When its redaction step works from a fixed list of keys (`PHI_FIELD_NAMES = ['ssn', ...]`):
   * those keys, lower-cased. Only values logged under them are redacted. Absent: everything is.
   */
  redactedKeys?: string[];
  /** Catalogue elements its redaction step also finds by pattern in any value (`[PHONE-REDACTED]`). */
  patternElements?: string[];
}

/**
 * A build config that strips console calls from the package it builds (vite `esbuild.drop` /
 * `pure`, terser `drop_console` / `pure_funcs`, babel's transform-remove-console, Next.js
 * `compiler.removeConsole`): its folder's files print nothing in production through those methods.
 */
export interface ConsoleStrippingBuild {
  file: string;
  /** The console methods it strips; absent: all of them but `kept`. */
  methods?: string[];
  /** Methods it keeps when it strips the others (`removeConsole: { exclude: ['error'] }`). */
  kept?: string[];
}

/** A logger as a log call names it: bound in the call's own file, or imported as `name` from `module` (as written there). */
export interface LoggerReference {
  name: string;
  module?: string;
}

/**
 * A Django middleware class of the workspace that lets safe requests through before doing
 * anything (`if request.method == "GET": return self.get_response(request)` first in `__call__`):
 * it audits writes only.
 */
export interface WriteOnlyMiddleware {
  file: string;
  /** The class name. */
  name: string;
}

/**
 * A Python data model of the workspace whose name carries a resource word (`PatientProblemList`):
 * its fields as written, its module's own bases merged in. Endpoints are judged by them: a
 * lookup table (no patient link, no PHI field) serves no patient (docs/rules/missing-phi-access.md).
 */
export interface DataModel {
  file: string;
  name: string;
  /** Field name and definition as written after it (`: int = Column(ForeignKey("PATIENT.id"))`), bounded. */
  fields: { name: string; text: string }[];
  /** A base class is out of sight (defined in another module, or not a known root): its fields are unknown. */
  open: boolean;
}

/**
 * A Flask app's hook run before every request that records who asked for which path (`@app.before_request
 * def log_users_activity(): LOG.info(current_user.email + request.path)`): an activity log for the
 * app's folder (workspace/flask-activity-hooks.ts).
 */
export interface FlaskActivityHook {
  file: string;
  /** The hook function's name. */
  name: string;
  /** The folder holding the app's module: the blueprints it registers sit below it. */
  projectRoot: string;
}

/** The blueprints a Python module registers by name (`app.register_blueprint(patients_bp)`), or that it registers one computed. */
export interface FlaskBlueprintRegistration {
  file: string;
  /** The registered blueprints' names (the last name of a dotted one, and the name an alias was imported under). */
  names: string[];
  /** A registration of a blueprint not written by name (a loop's variable, a call): any blueprint may be registered. */
  computed: boolean;
  /** A package's re-exports (`from .views import blueprint as overview`): [its own name, the name exported]. */
  aliases?: [string, string][];
}

/** A model of the app's own people (analysis/phi/account-models.ts): its name, lower-cased (`person`). */
export interface AccountModel {
  file: string;
  name: string;
}

export interface ProjectAuditContext {
  /** The workspace's Python data models named after a resource (reference-models.ts). */
  dataModels?: DataModel[];
  /** The workspace's models of its own accounts (Prisma `Person` with roles and memberships): not patients. */
  accountModels?: AccountModel[];
  /**
   * Loggers the project made to redact PHI (not an audit control, but found by the same
   * workspace pre-pass): logging through them is not a leak (docs/rules/phi-in-log.md).
   */
  redactingLoggers?: RedactingLogger[];
  /** Front-end builds that strip console calls from what they ship (found by the same pre-pass). */
  consoleStrippingBuilds?: ConsoleStrippingBuild[];
  /** Express `use` calls and the apps handed to other modules, for routers mounted in another file. */
  expressUses?: ExpressUse[];
  expressPasses?: ExpressPass[];
  /** The imports of every TS/JS module: a router module no module imports is never mounted. */
  moduleImports?: ModuleImports[];
  /** Middleware modules that audit only the paths they list. */
  pathListedMiddleware?: PathListedMiddleware[];
  djangoSettings: DjangoSettingsModule[];
  /** Django middleware classes that skip reads (a middleware listed in `MIDDLEWARE` then covers writes only). */
  writeOnlyMiddleware?: WriteOnlyMiddleware[];
  nestGlobals: NestGlobalControls[];
  /** FastAPI routers mounted with dependencies in another file. */
  fastapiMounts?: FastApiMount[];
  /** Flask apps' hooks recording who requested which path (an activity log for the app's folder). */
  flaskActivityHooks?: FlaskActivityHook[];
  /** Where Flask blueprints are registered: a blueprint module no module registers serves no route. */
  flaskBlueprintRegistrations?: FlaskBlueprintRegistration[];
  /** FastAPI apps; their dependencies cover the project's routes when every app of the project has one. */
  fastapiApps?: FastApiApp[];
}
