# shellcheck shell=bash
# Shared helpers for the scripts in scripts/ and .ci/run. Source it; it defines functions only
# (and GLANE_ROOT), so sourcing it twice is harmless.

GLANE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export GLANE_ROOT

# say TAG MESSAGE...: one short progress line, e.g. "postgres: up".
say() {
  local tag="$1"
  shift
  printf '%s: %s\n' "$tag" "$*"
}

# die MESSAGE...: one line on stderr saying what failed and what to do, then exit 1.
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }

# npm install only when node_modules is missing or older than package-lock.json.
# `npm ci` is never used: see docs/stack.md (the registry here lacks some other-platform optional binaries).
npm_install_if_stale() {
  if [[ ! -d "$GLANE_ROOT/node_modules" || "$GLANE_ROOT/package-lock.json" -nt "$GLANE_ROOT/node_modules/.package-lock.json" ]]; then
    say npm "installing dependencies"
    (cd "$GLANE_ROOT" && npm install --no-audit --no-fund) || die "npm install failed; read the npm output above"
  else
    say npm "dependencies up to date"
  fi
}

# Some tests run the built commands (routing:solve) as a user would: build when the output is
# missing or older than any source, so `npm test` works on a fresh clone and after an edit.
build_if_stale() {
  local stamp="$GLANE_ROOT/dist/scripts/routing-solve.js"
  if [[ ! -f "$stamp" ]] || [[ -n "$(cd "$GLANE_ROOT" && find apps libs scripts bench tsconfig.json tsconfig.build.json -newer "$stamp" \( -name '*.ts' -o -name 'tsconfig*.json' \) -print -quit)" ]]; then
    say build "compiling (the tests run the built commands)"
    (cd "$GLANE_ROOT" && npm run build) || die "the build failed; read the compiler output above"
  else
    say build "up to date"
  fi
}
