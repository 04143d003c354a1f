import { API_PREFIX, resolveRoute } from '../proxy/route-table';

/** The parts of an OpenAPI 3 document the merge touches; everything else is carried as is. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  tags?: { name: string; description?: string }[];
  security?: unknown;
  [key: string]: unknown;
}

export type ServiceDocument = { service: string; document: OpenApiDocument } | { service: string; unavailable: string };

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * One document for the whole API: each service's public paths (those the route table gives it) under
 * `/api/v1`, its operations tagged with the service's name, and the components of all merged. A
 * component name two services use for different things is renamed `<service>_<name>` in the later
 * service (its `$ref`s follow). Services that could not be read are listed in the description and in
 * `x-unavailable-services`.
 */
export function mergeOpenApi(documents: ServiceDocument[], info: { title: string; version: string }): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, Record<string, unknown>> = {};
  const tags: { name: string; description?: string }[] = [];
  const merged: OpenApiDocument = { openapi: '3.0.0', info: { ...info }, paths, components, tags };
  const unavailable: { service: string; reason: string }[] = [];
  for (const entry of documents) {
    if ('unavailable' in entry) {
      unavailable.push({ service: entry.service, reason: entry.unavailable });
      continue;
    }
    const renamed = conflictingComponents(components, entry.document.components ?? {}, entry.service);
    const document = renamed.size === 0 ? entry.document : rewriteRefs(entry.document, renamed);
    for (const [section, entries] of Object.entries(document.components ?? {})) {
      const into = (components[section] ??= {});
      for (const [name, value] of Object.entries(entries)) into[componentName(renamed, section, name)] = value;
    }
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      // Probes and other service-internal routes are not reachable through the gateway.
      if (resolveRoute(API_PREFIX + path)?.service !== entry.service) continue;
      paths[API_PREFIX + path] = tagOperations(item, entry.service, document.security);
    }
    tags.push({ name: entry.service, description: document.info?.description || `The ${entry.service} service.` });
  }
  if (unavailable.length > 0) {
    merged.info.description = `Not included (unreachable when this document was built): ${unavailable.map((u) => `${u.service} (${u.reason})`).join(', ')}.`;
    merged['x-unavailable-services'] = unavailable;
  }
  return merged;
}

/** The `$ref`s of a service's components whose names another service already uses for something else, mapped to `<service>_<name>`. */
function conflictingComponents(merged: Record<string, Record<string, unknown>>, source: Record<string, Record<string, unknown>>, service: string): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const [section, entries] of Object.entries(source)) {
    for (const [name, value] of Object.entries(entries)) {
      const existing = merged[section]?.[name];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(value)) {
        renamed.set(`#/components/${section}/${name}`, `#/components/${section}/${service}_${name}`);
      }
    }
  }
  return renamed;
}

function componentName(renamed: Map<string, string>, section: string, name: string): string {
  const ref = renamed.get(`#/components/${section}/${name}`);
  return ref ? ref.slice(`#/components/${section}/`.length) : name;
}

function rewriteRefs<T>(value: T, renamed: Map<string, string>): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === '$ref' && typeof v === 'string' ? (renamed.get(v) ?? v) : v)) as T;
}

/** Tags each operation with its service; a service-wide security requirement moves onto operations without their own, since the merged document has none. */
function tagOperations(item: Record<string, unknown>, service: string, security: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item).map(([key, operation]) => {
      if (!HTTP_METHODS.has(key) || typeof operation !== 'object' || operation === null) return [key, operation];
      const withSecurity = security === undefined || 'security' in operation ? operation : { ...operation, security };
      return [key, { ...withSecurity, tags: [service] }];
    }),
  );
}
