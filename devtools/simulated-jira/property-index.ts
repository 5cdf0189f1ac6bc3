/**
 * Which issue-property paths JQL can search. As in Jira, a path is searchable only once an app
 * declares it for indexing (a `jira:entityProperty` module); other paths search as if empty.
 */
import type { IndexedPropertyPath, JiraSite } from './site';

/** Declares `propertyKey`/`path` indexed and searchable as `alias` (case-insensitive in JQL). */
export function registerPropertyAlias(site: JiraSite, alias: string, propertyKey: string, path: string): void {
  const taken = findAlias(site, alias);
  if (taken && (taken.propertyKey !== propertyKey || taken.path !== path)) {
    throw new Error(`JQL alias '${alias}' is already used for ${taken.propertyKey}.${taken.path}`);
  }
  site.indexedProperties = site.indexedProperties.filter((p) => !(p.propertyKey === propertyKey && p.path === path));
  site.indexedProperties.push({ propertyKey, path, alias });
}

/** Declares a path indexed without an alias: searchable as `issue.property[key].path` only. */
export function indexPropertyPath(site: JiraSite, propertyKey: string, path: string): void {
  if (!isIndexed(site, propertyKey, path)) site.indexedProperties.push({ propertyKey, path });
}

export function findAlias(site: JiraSite, alias: string): IndexedPropertyPath | undefined {
  const lower = alias.toLowerCase();
  return site.indexedProperties.find((p) => p.alias?.toLowerCase() === lower);
}

export function isIndexed(site: JiraSite, propertyKey: string, path: string): boolean {
  return site.indexedProperties.some((p) => p.propertyKey === propertyKey && p.path === path);
}

/** The indexed values at `path` (dot-separated); arrays index each element, as Jira does. */
export function valuesAtPath(value: unknown, path: string): Array<string | number | boolean> {
  let current: unknown[] = [value];
  for (const segment of path.split('.')) {
    current = current
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
      .map((v) => v[segment])
      .filter((v) => v !== undefined && v !== null);
  }
  return current
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
}
