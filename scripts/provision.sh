#!/usr/bin/env bash
# Makes PostgreSQL 15 + PostGIS and Redis 7 (noeviction) available for Glane. Idempotent: run it as
# often as you like; it installs only what is missing and starts only what is down.
#
# Where each service comes from, in this order:
#   1. DATABASE_URL / TEST_DATABASE_URL / REDIS_URL / TEST_REDIS_URL set to something other than the local default:
#      that server is only checked (reachable, PostGIS present, noeviction), nothing is installed.
#   2. Already answering on 127.0.0.1 (5432 / 6379), or installed here and we are root: use it (start it).
#   3. A reachable Docker engine: `docker compose -f docker/compose.yml up -d <service>`.
#   4. Root on Debian with apt: apt-get install postgresql-15 postgresql-15-postgis-3 redis-server.
#   Otherwise it stops and says what to install.
# PROVISION_BACKEND=local|docker forces 2/4 or 3 for services not overridden by a URL.
#
# Local PostgreSQL result: role glane (LOGIN, password glane, CREATEDB, not superuser) owning the
# databases glane (dev), glane_test (tests) and glane_test_template (PostGIS installed, IS_TEMPLATE):
# test workers create glane_test_<n> FROM TEMPLATE glane_test_template.
set -Eeuo pipefail

# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# shellcheck disable=SC2154 # rc is assigned inside the trap string
trap 'rc=$?; printf "error: provisioning failed at scripts/provision.sh line %s (%s, exit %s); fix the cause printed above and run it again\n" "$LINENO" "$BASH_COMMAND" "$rc" >&2; exit "$rc"' ERR

readonly DEFAULT_DATABASE_URL='postgres://glane:glane@127.0.0.1:5432/glane'
readonly DEFAULT_TEST_DATABASE_URL='postgres://glane:glane@127.0.0.1:5432/glane_test'
readonly DEFAULT_REDIS_URL='redis://127.0.0.1:6379'
readonly PG_MAJOR=15
readonly PG_PORT=5432
readonly REDIS_PORT=6379
readonly DATABASES=(glane glane_test glane_test_template)
readonly TEMPLATE_DB=glane_test_template
readonly TIMEOUT="${PROVISION_TIMEOUT:-60}"
readonly APT_LOG="${TMPDIR:-/tmp}/glane-provision-apt.log"

# ---------------------------------------------------------------------------------------------
# Small helpers

redact() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }

# A URL counts as "the default" when it points at the local services with the default names.
normalise_url() { sed -E 's#^postgresql://#postgres://#; s#@localhost([:/])#@127.0.0.1\1#; s#//localhost([:/]|$)#//127.0.0.1\1#; s#/+$##' <<<"$1"; }
is_override() { # NAME DEFAULT
  local value="${!1:-}"
  [[ -n "$value" && "$(normalise_url "$value")" != "$(normalise_url "$2")" ]]
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }
debian_root() { is_root && have apt-get && have dpkg-query; }
dpkg_installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }

# The provisioning lock is file descriptor 9: a daemon started with it open would hold the lock
# for its whole life, so every command that may start one runs through without_lock.
without_lock() { "$@" 9>&-; }

tcp_open() { timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# wait_until CMD...: retry every second until CMD succeeds or TIMEOUT seconds have passed.
wait_until() { wait_up_to "$TIMEOUT" "$@"; }
wait_up_to() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

APT_UPDATED=0
apt_install() {
  local missing=() p
  for p in "$@"; do dpkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]} > 0)) || return 0
  debian_root || die "missing ${missing[*]} and cannot install it (needs root on Debian/Ubuntu with apt): install PostgreSQL ${PG_MAJOR} with PostGIS 3 and Redis >= 7, or use a Docker engine"
  if ((APT_UPDATED == 0)); then
    say apt "updating package lists"
    if ! DEBIAN_FRONTEND=noninteractive apt-get update -q >"$APT_LOG" 2>&1; then
      tail -n 15 "$APT_LOG" >&2
      die "apt-get update failed (log: $APT_LOG); check this machine's access to its Debian mirror"
    fi
    APT_UPDATED=1
  fi
  say apt "installing ${missing[*]}"
  if ! DEBIAN_FRONTEND=noninteractive without_lock apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$APT_LOG" 2>&1; then
    tail -n 15 "$APT_LOG" >&2
    die "apt-get install ${missing[*]} failed (log: $APT_LOG); fix the apt error above and run scripts/provision.sh again"
  fi
  say apt "installed ${missing[*]}"
}

COMPOSE=()
docker_engine() {
  have docker || return 1
  timeout 15 docker info >/dev/null 2>&1 || return 1
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose -f "$GLANE_ROOT/docker/compose.yml")
  elif have docker-compose; then
    COMPOSE=(docker-compose -f "$GLANE_ROOT/docker/compose.yml")
  else
    return 1
  fi
}
compose() { "${COMPOSE[@]}" "$@"; }

# ---------------------------------------------------------------------------------------------
# PostgreSQL

pg_ready_local() {
  if have pg_isready; then
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2
  else
    tcp_open 127.0.0.1 "$PG_PORT"
  fi
}
pg_ready_docker() { compose exec -T postgres pg_isready -q -h 127.0.0.1 -U glane -d glane >/dev/null 2>&1; }

pg_installed_local() { have pg_lsclusters && [[ -n "$(pg_lsclusters -h 2>/dev/null)" ]]; }

# Runs psql as a superuser: the postgres system user over the Unix socket (works with Debian's
# peer auth and with trust), or the image's superuser inside the compose container.
su_psql() {
  case "$PG_BACKEND" in
    local)
      local socket=()
      [[ -d /var/run/postgresql ]] && socket=(-h /var/run/postgresql)
      (cd / && runuser -u postgres -- env -u PGHOST -u PGHOSTADDR -u PGUSER -u PGDATABASE -u PGPASSWORD -u PGSERVICE \
        psql -X -q -v ON_ERROR_STOP=1 "${socket[@]}" -p "$PG_PORT" "$@")
      ;;
    docker) compose exec -T postgres psql -X -q -v ON_ERROR_STOP=1 -U glane "$@" ;;
  esac
}

# glane_query URL SQL: runs SQL as the URL's user over TCP, printing the single value.
glane_query() {
  if have psql; then
    psql -X -q -At -v ON_ERROR_STOP=1 "$1" -c "$2" 2>&1
  elif [[ -f "$GLANE_ROOT/node_modules/pg/package.json" ]]; then
    GLANE_URL="$1" GLANE_SQL="$2" node -e '
      const { Client } = require(process.argv[1]);
      const c = new Client({ connectionString: process.env.GLANE_URL });
      c.connect().then(() => c.query(process.env.GLANE_SQL)).then((r) => {
        console.log(r.rows.map((row) => Object.values(row).join("|")).join("\n")); return c.end();
      }).catch((e) => { console.log(e.message); process.exit(1); });' "$GLANE_ROOT/node_modules/pg" 2>&1
  else
    echo "no PostgreSQL client: install psql (postgresql-client) or run npm install first"
    return 1
  fi
}

# check_pg_url NAME URL: the server answers, the credentials work and PostGIS is there.
check_pg_url() {
  local out
  if ! out="$(glane_query "$2" 'select postgis_version()')"; then
    die "$1 ($(redact "$2")): cannot run 'select postgis_version()': ${out%%$'\n'*}; check the server is up, the credentials, and that PostGIS 3 is installed (CREATE EXTENSION postgis as a superuser)"
  fi
  say postgres "$1 ok ($(redact "$2"), PostGIS ${out%% *})"
}

start_local_cluster() {
  local line version name port
  line="$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print; exit }')"
  if [[ -z "$line" ]]; then
    if pg_lsclusters -h 2>/dev/null | awk -v v="$PG_MAJOR" '$1 == v && $2 == "main" { f = 1 } END { exit !f }'; then
      die "PostgreSQL cluster ${PG_MAJOR}/main exists but not on port ${PG_PORT}; set port = ${PG_PORT} in /etc/postgresql/${PG_MAJOR}/main/postgresql.conf or point DATABASE_URL at it"
    fi
    say postgres "creating cluster ${PG_MAJOR}/main"
    without_lock pg_createcluster "$PG_MAJOR" main -p "$PG_PORT" >/dev/null || die "pg_createcluster ${PG_MAJOR} main failed; see the message above"
    line="$(pg_lsclusters -h | awk -v p="$PG_PORT" '$3 == p { print; exit }')"
  fi
  read -r version name port _ <<<"$line"
  say postgres "starting cluster ${version}/${name}"
  without_lock pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start >/dev/null 2>&1 || true # "already running" is fine
  if ! wait_until pg_ready_local; then
    die "postgres: cluster ${version}/${name} does not accept connections on 127.0.0.1:${port} after ${TIMEOUT}s; read /var/log/postgresql/postgresql-${version}-${name}.log"
  fi
  say postgres "started"
}

ensure_postgres_running() {
  case "$PG_BACKEND" in
    local)
      if ! pg_ready_local; then
        pg_installed_local || apt_install "postgresql-${PG_MAJOR}"
        pg_ready_local || start_local_cluster
      fi
      have psql || apt_install "postgresql-client-${PG_MAJOR}"
      say postgres "up (127.0.0.1:${PG_PORT}, local)"
      ;;
    docker)
      pg_ready_docker || {
        say postgres "starting the postgres container (docker/compose.yml)"
        without_lock compose up -d postgres >/dev/null || die "docker compose up -d postgres failed; see the message above"
        wait_until pg_ready_docker || die "postgres container not ready after ${TIMEOUT}s; run: ${COMPOSE[*]} logs postgres"
      }
      say postgres "up (127.0.0.1:${PG_PORT}, docker)"
      ;;
  esac
}

# Installs the PostGIS package for the running server's major version when the extension is missing.
ensure_postgis_available() {
  local major available
  available="$(su_psql -d postgres -At -c "select count(*) from pg_available_extensions where name = 'postgis'")"
  if [[ "$available" == 1 ]]; then
    say postgis "available"
    return
  fi
  major="$(su_psql -d postgres -At -c "select current_setting('server_version_num')::int / 10000")"
  if [[ "$PG_BACKEND" != local ]] || ! debian_root; then
    die "PostGIS 3 is not installed for PostgreSQL ${major}: install postgresql-${major}-postgis-3 (Debian/Ubuntu) or your system's PostGIS 3 package, then run this again"
  fi
  apt_install "postgresql-${major}-postgis-3"
  available="$(su_psql -d postgres -At -c "select count(*) from pg_available_extensions where name = 'postgis'")"
  [[ "$available" == 1 ]] || die "postgresql-${major}-postgis-3 is installed but PostgreSQL ${major} does not list postgis; is the server on 127.0.0.1:${PG_PORT} really version ${major}?"
  say postgis "available (postgresql-${major}-postgis-3)"
}

setup_role_and_databases() {
  local existing db
  if [[ "$PG_BACKEND" == local ]]; then
    # Idempotent: the role is (re)set to exactly these attributes on every run.
    su_psql -d postgres <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'glane') THEN CREATE ROLE glane; END IF;
END $$;
ALTER ROLE glane WITH LOGIN NOSUPERUSER NOCREATEROLE CREATEDB PASSWORD 'glane';
SQL
    say role "glane ready (LOGIN, CREATEDB, not superuser)"
  else
    say role "glane is the container's own user"
  fi

  existing=" $(su_psql -d postgres -At -c "select string_agg(datname, ' ') from pg_database") "
  for db in "${DATABASES[@]}"; do
    if [[ "$existing" == *" $db "* ]]; then
      su_psql -d postgres -c "ALTER DATABASE \"$db\" OWNER TO glane"
      say database "$db present"
    else
      su_psql -d postgres -c "CREATE DATABASE \"$db\" OWNER glane"
      say database "$db created"
    fi
  done

  for db in glane glane_test; do ensure_postgis_in "$db"; done

  # The template is marked only once PostGIS is in it, so a template database is known to be
  # complete and is not connected to again (a connection would make CREATE DATABASE ... FROM
  # TEMPLATE fail in a test run going on at the same time).
  if [[ "$(su_psql -d postgres -At -c "select datistemplate from pg_database where datname = '$TEMPLATE_DB'")" == t ]]; then
    say postgis "present in $TEMPLATE_DB (template)"
  else
    ensure_postgis_in "$TEMPLATE_DB"
    su_psql -d postgres -c "ALTER DATABASE \"$TEMPLATE_DB\" IS_TEMPLATE true"
    say database "$TEMPLATE_DB marked as template"
  fi
}

ensure_postgis_in() {
  local version
  version="$(su_psql -d "$1" -At -c "select extversion from pg_extension where extname = 'postgis'")"
  if [[ -n "$version" ]]; then
    say postgis "present in $1 ($version)"
  else
    su_psql -d "$1" -c 'CREATE EXTENSION IF NOT EXISTS postgis'
    say postgis "installed in $1 ($(su_psql -d "$1" -At -c "select extversion from pg_extension where extname = 'postgis'"))"
  fi
}

# Non-root with a local server we cannot administer: accept it only if it is already provisioned.
check_already_provisioned() {
  local out
  out="$(glane_query "$DEFAULT_DATABASE_URL" "select (select rolcreatedb or rolsuper from pg_roles where rolname = current_user)::text || ' ' || coalesce((select datistemplate::text from pg_database where datname = '$TEMPLATE_DB'), 'missing') || ' ' || postgis_version()")" || out="error: ${out%%$'\n'*}"
  if [[ "$out" != "true true "* ]]; then
    die "postgres on 127.0.0.1:${PG_PORT} is not provisioned for Glane (${out}) and this user cannot do it: run scripts/provision.sh as root (sudo), or have a superuser create role glane (LOGIN CREATEDB PASSWORD 'glane'), databases glane, glane_test, $TEMPLATE_DB (IS_TEMPLATE) owned by it, with CREATE EXTENSION postgis in each"
  fi
  say postgres "already provisioned (not root: nothing changed)"
}

verify_glane_connection() {
  local url flags
  for url in "$DEFAULT_DATABASE_URL" "$DEFAULT_TEST_DATABASE_URL"; do
    if [[ "$PG_BACKEND" == docker ]] && ! have psql && [[ ! -f "$GLANE_ROOT/node_modules/pg/package.json" ]]; then
      # No client on this host yet: check the same password login from inside the container.
      compose exec -T -e PGPASSWORD=glane postgres psql -X -At -h 127.0.0.1 -U glane -d "${url##*/}" -c 'select postgis_version()' >/dev/null ||
        die "cannot log in as glane to ${url##*/} inside the postgres container; run: ${COMPOSE[*]} logs postgres"
      say postgres "glane@${url##*/} ok (checked inside the container)"
      continue
    fi
    check_pg_url "glane@${url##*/}" "$url"
  done
  flags="$(glane_query "$DEFAULT_TEST_DATABASE_URL" "select (select rolcreatedb or rolsuper from pg_roles where rolname = current_user)::text || ' ' || (select datistemplate::text from pg_database where datname = '$TEMPLATE_DB')" 2>/dev/null || true)"
  [[ -z "$flags" || "$flags" == "true true" ]] || die "role glane lacks CREATEDB or $TEMPLATE_DB is not a template ($flags); run scripts/provision.sh as root"
}

provision_postgres() {
  if [[ "$PG_BACKEND" == external ]]; then
    say postgres "DATABASE_URL/TEST_DATABASE_URL point elsewhere: checking only, nothing installed"
    if is_override DATABASE_URL "$DEFAULT_DATABASE_URL"; then check_pg_url DATABASE_URL "$DATABASE_URL"; fi
    if is_override TEST_DATABASE_URL "$DEFAULT_TEST_DATABASE_URL"; then check_pg_url TEST_DATABASE_URL "$TEST_DATABASE_URL"; fi
    return
  fi
  ensure_postgres_running
  if [[ "$PG_BACKEND" == local ]] && ! is_root; then
    check_already_provisioned
    return
  fi
  ensure_postgis_available
  setup_role_and_databases
  verify_glane_connection
}

decide_pg_backend() {
  if is_override DATABASE_URL "$DEFAULT_DATABASE_URL" || is_override TEST_DATABASE_URL "$DEFAULT_TEST_DATABASE_URL"; then
    PG_BACKEND=external
  elif [[ "${PROVISION_BACKEND:-}" == docker ]]; then
    docker_engine || die "PROVISION_BACKEND=docker but no Docker engine (with compose) answers: start one, or unset PROVISION_BACKEND"
    PG_BACKEND=docker
  elif pg_ready_local; then
    PG_BACKEND=local
  elif pg_installed_local && is_root; then
    PG_BACKEND=local
  elif [[ "${PROVISION_BACKEND:-}" != local ]] && docker_engine; then
    PG_BACKEND=docker
  elif debian_root; then
    PG_BACKEND=local
  elif pg_installed_local; then
    die "PostgreSQL is installed but not running on 127.0.0.1:${PG_PORT}: start it as root (pg_ctlcluster ${PG_MAJOR} main start), or run this script as root"
  else
    die "no PostgreSQL on 127.0.0.1:${PG_PORT} and no way to install one (needs root on Debian/Ubuntu with apt, or a Docker engine): install PostgreSQL ${PG_MAJOR} with PostGIS 3, start a Docker engine, or set DATABASE_URL"
  fi
}

# ---------------------------------------------------------------------------------------------
# Redis

REDIS_CHECK_URL=''
redis_cli() {
  case "$REDIS_BACKEND" in
    external) redis-cli --no-auth-warning -u "$REDIS_CHECK_URL" "$@" ;;
    local) redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@" ;;
    docker) compose exec -T redis redis-cli "$@" ;;
  esac
}

redis_ready_local() {
  if have redis-cli; then
    [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
  else
    # shellcheck disable=SC2016
    timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/$0 && printf "PING\r\n" >&3 && IFS= read -r l <&3 && [[ $l == "+PONG"* ]]' "$REDIS_PORT" 2>/dev/null
  fi
}
redis_ready_docker() { [[ "$(compose exec -T redis redis-cli ping 2>/dev/null | tr -d '\r')" == PONG ]]; }

start_local_redis() {
  mkdir -p /var/lib/redis /var/log/redis
  say redis "starting redis-server"
  without_lock redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --maxmemory-policy noeviction --dir /var/lib/redis --logfile /var/log/redis/glane.log \
    --pidfile /run/glane-redis.pid >/dev/null ||
    die "redis-server did not start; read /var/log/redis/glane.log"
  wait_until redis_ready_local || die "redis: no answer on 127.0.0.1:${REDIS_PORT} after ${TIMEOUT}s; read /var/log/redis/glane.log"
  say redis "started"
}

ensure_redis_running() {
  case "$REDIS_BACKEND" in
    local)
      if ! redis_ready_local; then
        have redis-server || apt_install redis-server
        # The package's own service may have started it.
        wait_up_to 3 redis_ready_local || start_local_redis
      fi
      have redis-cli || apt_install redis-tools
      say redis "up (127.0.0.1:${REDIS_PORT}, local)"
      ;;
    docker)
      redis_ready_docker || {
        say redis "starting the redis container (docker/compose.yml)"
        without_lock compose up -d redis >/dev/null || die "docker compose up -d redis failed; see the message above"
        wait_until redis_ready_docker || die "redis container not ready after ${TIMEOUT}s; run: ${COMPOSE[*]} logs redis"
      }
      say redis "up (127.0.0.1:${REDIS_PORT}, docker)"
      ;;
    external)
      have redis-cli || die "$1 is set but redis-cli is missing: install redis-tools to let this script check the server"
      local pong
      pong="$(redis_cli ping 2>&1 | tr -d '\r')" || true
      [[ "$pong" == PONG ]] || die "$1 ($(redact "$REDIS_CHECK_URL")) does not answer PING: ${pong%%$'\n'*}"
      say redis "$1 up ($(redact "$REDIS_CHECK_URL"), external)"
      ;;
  esac
}

# The value after the "maxmemory-policy" line (stderr apart: docker may print warnings there).
redis_policy() {
  redis_cli config get maxmemory-policy 2>/dev/null | tr -d '\r' | awk 'prev == "maxmemory-policy" && !done { print; done = 1 } { prev = $0 }'
}

check_redis() {
  local version policy
  version="$(redis_cli info server 2>/dev/null | tr -d '\r' | sed -n 's/^redis_version://p')"
  if [[ -n "$version" && "${version%%.*}" -lt 7 ]]; then
    die "Redis ${version} is too old: Glane needs Redis >= 7 (BullMQ); upgrade it or use the redis:7 container"
  fi
  policy="$(redis_policy)"
  if [[ "$policy" != noeviction ]]; then
    [[ -n "$policy" ]] || die "redis: cannot read maxmemory-policy (CONFIG disabled?); make sure the server runs with maxmemory-policy noeviction (BullMQ loses jobs otherwise)"
    redis_cli config set maxmemory-policy noeviction >/dev/null 2>&1 || true
    local now
    now="$(redis_policy)"
    [[ "$now" == noeviction ]] || die "redis: maxmemory-policy is ${policy} and could not be set to noeviction; set 'maxmemory-policy noeviction' in the server's configuration (BullMQ loses jobs otherwise)"
    say redis "maxmemory-policy was ${policy}, set to noeviction (until the server restarts; put it in redis.conf to keep it)"
  else
    say redis "maxmemory-policy noeviction${version:+ (Redis $version)}"
  fi
}

decide_redis_backend() {
  if is_override REDIS_URL "$DEFAULT_REDIS_URL" || is_override TEST_REDIS_URL "$DEFAULT_REDIS_URL"; then
    REDIS_BACKEND=external
  elif [[ "${PROVISION_BACKEND:-}" == docker ]]; then
    docker_engine || die "PROVISION_BACKEND=docker but no Docker engine (with compose) answers: start one, or unset PROVISION_BACKEND"
    REDIS_BACKEND=docker
  elif redis_ready_local; then
    REDIS_BACKEND=local
  elif have redis-server && is_root; then
    REDIS_BACKEND=local
  elif [[ "${PROVISION_BACKEND:-}" != local ]] && docker_engine; then
    REDIS_BACKEND=docker
  elif debian_root; then
    REDIS_BACKEND=local
  elif have redis-server; then
    die "Redis is installed but not running on 127.0.0.1:${REDIS_PORT}: start it (redis-server --daemonize yes --port ${REDIS_PORT} --maxmemory-policy noeviction), or run this script as root"
  else
    die "no Redis on 127.0.0.1:${REDIS_PORT} and no way to install one (needs root on Debian/Ubuntu with apt, or a Docker engine): install Redis >= 7 with maxmemory-policy noeviction, start a Docker engine, or set REDIS_URL"
  fi
}

# ---------------------------------------------------------------------------------------------

main() {
  cd "$GLANE_ROOT"
  # Two runs at once (say npm test in two terminals) would race on CREATE DATABASE and apt.
  if have flock; then
    exec 9>>"${TMPDIR:-/tmp}/glane-provision-$(id -u).lock"
    flock -w 600 9 || die "another scripts/provision.sh has held the lock for 10 minutes; is it stuck?"
  fi

  decide_pg_backend
  decide_redis_backend
  provision_postgres
  if [[ "$REDIS_BACKEND" == external ]]; then
    local name
    for name in REDIS_URL TEST_REDIS_URL; do
      is_override "$name" "$DEFAULT_REDIS_URL" || continue
      REDIS_CHECK_URL="${!name}"
      ensure_redis_running "$name"
      check_redis
    done
  else
    ensure_redis_running
    check_redis
  fi
  say provision "ready (postgres: ${PG_BACKEND}, redis: ${REDIS_BACKEND})"
}

main "$@"
