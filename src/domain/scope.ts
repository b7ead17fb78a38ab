/**
 * Phạm vi quản lý — "is this unit inside that subtree". Every unit keeps a materialised path of
 * its ancestors' ids and its own ("/1/4/9/"), so a unit lies in the subtree of `root` exactly when
 * its path begins with root's path. This is the one place that rule is written: services, SQL and
 * Prisma filters all take it from here, so the officer's scope means the same thing everywhere.
 * (The trailing slash matters: "/1/40/" is not under "/1/4/".)
 */

/**
 * True when the unit at `path` is the unit at `rootPath` or lies below it.
 *
 * @example inSubtree('/1/4/9/', '/1/4/') === true; inSubtree('/1/40/', '/1/4/') === false
 */
export function inSubtree(path: string | null | undefined, rootPath: string | null | undefined): boolean {
  return !!path && !!rootPath && path.startsWith(rootPath);
}

/**
 * A Prisma string filter matching the paths of the subtree at `rootPath`.
 *
 * @example prisma.unit.findMany({ where: { path: subtreeFilter(officerUnit.path) } })
 */
export function subtreeFilter(rootPath: string): { startsWith: string } {
  return { startsWith: rootPath };
}

/**
 * The SQL `LIKE` pattern matching the paths of the subtree at `rootPath`. Paths hold only digits
 * and slashes, so nothing in them needs escaping.
 *
 * @example P.sql`AND u.path LIKE ${subtreeLike(path)}`
 */
export function subtreeLike(rootPath: string): string {
  return `${rootPath}%`;
}

/**
 * The paths of a unit and each of its ancestors, root first: "/1/4/9/" → ["/1/", "/1/4/", "/1/4/9/"].
 * Whoever manages one of these manages the unit.
 */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Ids along a path, root first: "/1/4/9/" → [1, 4, 9]. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}
