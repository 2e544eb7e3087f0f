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

export interface ProjectAuditContext {
  djangoSettings: DjangoSettingsModule[];
  nestGlobals: NestGlobalControls[];
}
