#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server: Debian's postgresql (installed if
# missing), a data folder in a temporary directory, listening on 127.0.0.1 only, stopped and
# removed afterwards. The command sees NEWSGRAPH_TEST_POSTGRES, a SQLAlchemy URL to the server.
set -euo pipefail
if [ ! -d /usr/lib/postgresql ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d /tmp/newsgraph-pg.XXXXXX)
port=${NEWSGRAPH_PG_PORT:-55432}
as_db_user() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_db_user "$bin/initdb -D $dir/data -A trust -U postgres >$dir/initdb.log"
as_db_user "$bin/pg_ctl -D $dir/data -l $dir/server.log -w -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' start >/dev/null"
stop() { as_db_user "$bin/pg_ctl -D $dir/data -m fast stop >/dev/null" || true; rm -rf "$dir"; }
trap stop EXIT
export NEWSGRAPH_TEST_POSTGRES="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
"$@"
