#!/usr/bin/env bash
# `npm test`: the same provisioning as the demo, then every Jest project (unit, integration, e2e).
# Extra arguments go to Jest: `npm test -- --selectProjects unit`, `npm test -- test/e2e/offers`.
# The tests create their own databases (glane_test_<n> FROM TEMPLATE glane_test_template).
set -Eeuo pipefail

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$GLANE_ROOT"

npm_install_if_stale
build_if_stale
bash scripts/provision.sh || exit $? # it has said what failed and what to do
say test "npx jest --ci $*"
# Jest's summary is followed by one plain "N passed, N failed" line, which any CI reader understands.
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
status=0
npx jest --ci --json --outputFile="$results" "$@" || status=$?
if [[ -s "$results" ]]; then
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);' "$results"
fi
exit "$status"
