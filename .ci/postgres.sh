#!/usr/bin/env bash
# Run the store contract suite against a real PostgreSQL server as well as PGlite.
# Installs Debian's postgresql if needed, starts a throw-away cluster on a free local port, creates a
# database, exports DATABASE_URL and runs the store, accounts, HTTP, job queue and ingest suites with
# STYR_TEST_PG_URL set.
# With arguments, runs that command instead, e.g. `.ci/postgres.sh npm run bench -- Register`.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y postgresql
fi
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
WORK="$(mktemp -d /tmp/styr-pg.XXXXXX)"
chmod 755 "$WORK"

# initdb refuses to run as root: use the postgres system user then, else the current user.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$WORK"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres styr_test

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/styr_test"
export STYR_TEST_PG_URL="$DATABASE_URL"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PORT"
if [ $# -gt 0 ]; then
  "$@"
else
  npx vitest run test/store test/accounts test/http test/jobs test/ingest
fi
