#!/usr/bin/env bash
# `npm run demo`: install, provision PostgreSQL+PostGIS and Redis, build, migrate, seed, then run the
# API and the worker together until Ctrl-C (or until either of them stops).
set -Eeuo pipefail

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$GLANE_ROOT"

step() {
  local name="$1"
  shift
  say demo "$name"
  "$@" || die "demo: '$name' failed (exit $?); read the output above"
}

# `npm ci` is never used: see docs/stack.md.
step "npm install" npm install --no-audit --no-fund
step "provision PostgreSQL+PostGIS and Redis" bash scripts/provision.sh
step "build" npm run build
step "migrate" npm run migration:run
step "seed" npm run seed

# Both processes run in their own process group (setsid) so that stopping one stops everything
# it started, and the script waits on them so a signal reaches the trap at once.
API_PID=''
WORKER_PID=''
MAIL_PID=''
POLLER_PID=''
spawn() { if have setsid; then setsid "$@" & else "$@" & fi; }
signal() { # SIGNAL PID: the process group if it has one, else the process
  [[ -n "$2" ]] || return 0
  kill "-$1" -- "-$2" 2>/dev/null || kill "-$1" "$2" 2>/dev/null || true
}
running() { [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; }

stop_all() {
  trap - EXIT INT TERM
  [[ -z "$POLLER_PID" ]] || kill "$POLLER_PID" 2>/dev/null || true
  signal TERM "$API_PID"
  signal TERM "$WORKER_PID"
  signal TERM "$MAIL_PID"
  # The worker lets its active jobs finish first (WORKER_SHUTDOWN_GRACE_MS, 25 s by default).
  for _ in $(seq 1 30); do
    running "$API_PID" || running "$WORKER_PID" || return 0
    sleep 1
  done
  signal KILL "$API_PID"
  signal KILL "$WORKER_PID"
}
trap 'say demo "stopping the API and the worker"; stop_all; exit 130' INT
trap 'say demo "stopping the API and the worker"; stop_all; exit 143' TERM
trap 'stop_all' EXIT

PORT_NUMBER="${PORT:-3000}"
URL="http://localhost:${PORT_NUMBER}/graphql"
# Offers' e-mails go to the development SMTP default unless SMTP_URL says otherwise: catch them there.
if [[ -z "${SMTP_URL:-}" ]]; then
  say demo "starting a local mail catcher (e-mails are printed, not sent)"
  spawn node dist/scripts/mail-catcher.js 1025
  MAIL_PID=$!
fi
say demo "starting the worker and the API"
spawn npm run start:worker
WORKER_PID=$!
spawn npm run start:api
API_PID=$!

# Say when the API actually listens (it prints its own logs meanwhile).
(
  for _ in $(seq 1 120); do
    if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/${PORT_NUMBER}" 2>/dev/null; then
      say demo "API ready: GraphQL at ${URL} (Ctrl-C stops the API and the worker)"
      # The seed's logins table (written by scripts/seed.ts), again, now that the API's start-up logs are above it.
      if [[ -f dist/demo-logins.txt ]]; then cat dist/demo-logins.txt; fi
      exit 0
    fi
    sleep 1
  done
  say demo "the API does not listen on port ${PORT_NUMBER} after 2 minutes; read its output above"
) &
POLLER_PID=$!
say demo "GraphQL will be at ${URL}"

set +e
wait -n "$API_PID" "$WORKER_PID"
status=$?
set -e
if running "$API_PID"; then who=worker; else who=API; fi
say demo "the ${who} stopped (exit ${status}); stopping the other one"
stop_all
exit "$status"
