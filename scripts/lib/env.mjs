/**
 * The environment for child tools, without the npm_config_* variables that `npm run` adds:
 * pnpm reads those as its own configuration, and npm's values (its prefix, cache, user agent)
 * are not pnpm's. A caller's explicit node-gyp header directory is kept.
 */
export function cleanEnv(base = process.env) {
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    if (key.toLowerCase().startsWith('npm_') && key.toLowerCase() !== 'npm_config_nodedir') continue;
    env[key] = value;
  }
  return env;
}
