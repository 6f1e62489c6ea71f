#!/usr/bin/env bash
# CI: `pnpm new:element` writes an element that passes lint, the type check, its own tests in Chromium and the API
# reference test, as packages/elements/README.md promises. The scaffold is removed afterwards, whatever happened,
# and size.config.mjs is put back as it was.
set -uo pipefail
cd "$(dirname "$0")/.."
name=scaffold-check
saved=$(mktemp)
cp size.config.mjs "$saved"
cleanup() {
  rm -rf "packages/elements/src/components/$name" "packages/elements/src/events/$name-select.ts" "stories/$name.stories.ts"
  cp "$saved" size.config.mjs && rm -f "$saved"
  pnpm --silent analyze > /dev/null 2>&1 || true
}
trap cleanup EXIT
set -e
pnpm --silent new:element "$name"
pnpm exec eslint "packages/elements/src/components/$name" "packages/elements/src/events/$name-select.ts" "stories/$name.stories.ts" size.config.mjs
pnpm exec prettier --check "packages/elements/src/components/$name" "packages/elements/src/events/$name-select.ts" "stories/$name.stories.ts" size.config.mjs
pnpm --filter @pivotkit/elements typecheck
pnpm exec web-test-runner --config web-test-runner.config.mjs --group default --files "packages/elements/src/components/$name/$name.test.ts"
pnpm --silent analyze > /dev/null
node --conditions=source --import tsx --test test/node/elements-api-reference.test.ts
echo "the scaffold passes lint, types, its tests and the API reference test"
