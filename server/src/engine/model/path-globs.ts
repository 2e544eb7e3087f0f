// Gitignore-style globs of the policy (`phi.syntheticData`, `suppressions[].files`) against a
// file's path. The engine does not know the policy file's folder, so a pattern matches the end of
// the path at a folder boundary: `tests/fixtures/synthea/**` matches
// `/repo/tests/fixtures/synthea/a.json`; a pattern without `/` matches a file name at any depth.

const cache = new Map<string, RegExp>();

export function matchesPathGlob(glob: string, filePath: string): boolean {
  const normalised = filePath.replace(/\\/g, '/');
  let regex = cache.get(glob);
  if (!regex) {
    regex = globToRegExp(glob);
    if (cache.size > 256) cache.clear();
    cache.set(glob, regex);
  }
  return regex.test(normalised);
}

function globToRegExp(glob: string): RegExp {
  let pattern = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\//, '');
  if (pattern.endsWith('/')) pattern += '**';
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      if (pattern[i + 2] === '/') {
        source += '(?:[^/]*/)*';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // Anchored at a folder boundary at the start, and at the end of the path (or a folder of it).
  return new RegExp(`(?:^|/)${source}(?:/.*)?$`);
}
