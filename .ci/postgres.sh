# Sourced by .ci/run: makes a PostgreSQL server available to the tests and exports its URL as
# AIGOV_TEST_POSTGRES_URL. A server already answering on 127.0.0.1:5432 is used as it is; otherwise
# Debian's postgresql is installed if missing and a throwaway cluster is started, as the postgres user,
# in a temp folder on a free loopback port with trust auth, and stopped (and removed) when the shell exits.
# AIGOV_CI_POSTGRES_PORT forces the throwaway cluster on that port (to try this path beside a running server).

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_throwaway_postgres() {
  local port="$1" bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  # The Debian package starts its own cluster on 5432 when it can; ours is separate and ours alone.
  AIGOV_PG_DIR=$(mktemp -d /tmp/aigov-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres: "$AIGOV_PG_DIR"
  AIGOV_PG_BIN="$bin"
  as_postgres "$bin/initdb" -D "$AIGOV_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
  trap stop_throwaway_postgres EXIT
  as_postgres "$bin/pg_ctl" -D "$AIGOV_PG_DIR/data" -l "$AIGOV_PG_DIR/log" -w \
    -o "-h 127.0.0.1 -p $port -k $AIGOV_PG_DIR" start >/dev/null
  export AIGOV_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL: throwaway cluster in $AIGOV_PG_DIR on 127.0.0.1:$port"
}

stop_throwaway_postgres() {
  if [ -n "${AIGOV_PG_DIR:-}" ]; then
    as_postgres "$AIGOV_PG_BIN/pg_ctl" -D "$AIGOV_PG_DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$AIGOV_PG_DIR"
    AIGOV_PG_DIR=""
  fi
}

if [ -z "${AIGOV_CI_POSTGRES_PORT:-}" ] && answers 5432; then
  export AIGOV_TEST_POSTGRES_URL="${AIGOV_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  echo "PostgreSQL: using the server on 127.0.0.1:5432"
else
  start_throwaway_postgres "${AIGOV_CI_POSTGRES_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"
fi
