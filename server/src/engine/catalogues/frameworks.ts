// The web frameworks whose endpoints PHI Guard finds, as data: one entry per framework, with the
// way its routes are written (which finder in analysis/endpoints/ reads them) and what tells its
// apps and routers apart from another framework's written the same way. The id is what findings,
// the coverage report and the Audit Coverage view show.

/**
 * How a framework's routes are written, one finder each (analysis/endpoints/index.ts):
 * - `route-decorators`: `@app.get("/x")`, `@bp.route("/x")` on a function (route-decorators.ts);
 * - `django-views`: view functions and classes, paths from URLconfs (django-views.ts);
 * - `route-calls`: `app.get('/x', ...handlers)` on an app or router (route-calls.ts);
 * - `controllers`: `@Get(':id')` methods of a `@Controller('x')` class (controllers.ts);
 * - `file-routes`: the file's place is the route, its exports the handlers (Next.js, nextjs-routes.ts).
 */
export type RouteStyle = 'route-decorators' | 'django-views' | 'route-calls' | 'controllers' | 'file-routes';

export interface FrameworkEntry {
  /** Shown in findings (`fastify endpoint`), the coverage report and the view. */
  readonly id: string;
  /** The framework's own name (the docs' table of what is recognised). */
  readonly name: string;
  readonly language: 'python' | 'ts';
  readonly routes: RouteStyle;
  /** Modules whose import says a file uses the framework (their submodules count: `hono/cors`, `rest_framework.views`). */
  readonly modules: readonly string[];
  /** Calls that make its apps and routers (`FastAPI()`, `Blueprint(...)`, `express.Router()`, `new Hono()`). */
  readonly factories?: readonly string[];
  /** Route decorators that say the framework when the router is not known (`@x.route` is Flask's). */
  readonly routeDecorators?: readonly string[];
  /** Base classes of its class-based views (a pattern of the base's name). */
  readonly viewBases?: RegExp;
  /** Decorators that make a function one of its views (`@api_view([...])`). */
  readonly viewDecorators?: readonly string[];
  /** The framework of a route of this style whose app or router says nothing, in a file importing none of them. */
  readonly fallback?: boolean;
}

/**
 * Every framework. Within a style, order decides for a file that imports several: the first one
 * imported is the framework of routes whose router says nothing.
 */
export const FRAMEWORKS = [
  {
    id: 'flask',
    name: 'Flask',
    language: 'python',
    routes: 'route-decorators',
    modules: ['flask'],
    factories: ['Flask', 'Blueprint'],
    routeDecorators: ['route'],
  },
  {
    id: 'fastapi',
    name: 'FastAPI',
    language: 'python',
    routes: 'route-decorators',
    modules: ['fastapi'],
    factories: ['FastAPI', 'APIRouter'],
    routeDecorators: ['api_route'],
    fallback: true,
  },
  {
    id: 'quart',
    name: 'Quart',
    language: 'python',
    routes: 'route-decorators',
    modules: ['quart'],
    factories: ['Quart', 'Blueprint'],
    routeDecorators: ['route'],
  },
  { id: 'django-ninja', name: 'Django Ninja', language: 'python', routes: 'route-decorators', modules: ['ninja'], factories: ['NinjaAPI', 'Router'] },
  {
    id: 'litestar',
    name: 'Litestar',
    language: 'python',
    routes: 'route-decorators',
    modules: ['litestar', 'starlite'],
    factories: ['Litestar', 'Router'],
    routeDecorators: ['route'],
  },
  { id: 'aiohttp', name: 'aiohttp', language: 'python', routes: 'route-decorators', modules: ['aiohttp'], factories: ['RouteTableDef', 'Application'] },
  { id: 'django', name: 'Django', language: 'python', routes: 'django-views', modules: ['django'], fallback: true },
  {
    id: 'drf',
    name: 'Django REST Framework',
    language: 'python',
    routes: 'django-views',
    modules: ['rest_framework'],
    viewBases: /APIView|ViewSet|Generic/,
    viewDecorators: ['api_view'],
  },
  { id: 'express', name: 'Express', language: 'ts', routes: 'route-calls', modules: ['express'], factories: ['express', 'Router'], fallback: true },
  { id: 'fastify', name: 'Fastify', language: 'ts', routes: 'route-calls', modules: ['fastify'], factories: ['fastify', 'Fastify'] },
  { id: 'hono', name: 'Hono', language: 'ts', routes: 'route-calls', modules: ['hono'], factories: ['Hono'] },
  { id: 'koa', name: 'Koa', language: 'ts', routes: 'route-calls', modules: ['koa', 'koa-router', '@koa/router'], factories: ['Koa'] },
  { id: 'nextjs', name: 'Next.js', language: 'ts', routes: 'file-routes', modules: ['next'] },
  { id: 'nestjs', name: 'NestJS', language: 'ts', routes: 'controllers', modules: ['@nestjs/common', '@nestjs/core'], fallback: true },
] as const satisfies readonly FrameworkEntry[];

export type Framework = (typeof FRAMEWORKS)[number]['id'];

/** The frameworks whose routes are written in `style`, in catalogue order. */
export function frameworksWritten(style: RouteStyle): readonly (FrameworkEntry & { id: Framework })[] {
  return FRAMEWORKS.filter((framework) => framework.routes === style);
}

/** The framework's own name for messages (`Fastify`, `Django REST Framework`). */
export function frameworkName(id: string): string {
  return FRAMEWORKS.find((framework) => framework.id === id)?.name ?? id;
}

/** Whether `module` is one of the framework's modules or a submodule of one (`.` or `/`). */
export function isFrameworkModule(framework: FrameworkEntry, module: string): boolean {
  return framework.modules.some((name) => module === name || module.startsWith(`${name}.`) || module.startsWith(`${name}/`));
}
