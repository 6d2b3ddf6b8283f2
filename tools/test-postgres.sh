# Sourced by test.sh: starts a throw-away PostgreSQL cluster for the server tests and exports
# CREDSTACK_TEST_POSTGRES (a connection string). The cluster runs as a non-root user (PostgreSQL
# refuses root), listens on a free loopback port only with trust authentication, keeps its data
# in a fresh temporary directory, and is stopped and deleted when the calling shell exits.
# Missing PostgreSQL is installed from Debian's packages when possible; otherwise `missing`
# (defined by test.sh) makes it a visible skip locally and a failure under CI=true.
# An existing CREDSTACK_TEST_POSTGRES is used as it is.

credstack_pg_dir=""
credstack_pg_bin=""
credstack_pg_runas=()

credstack_pg_find_bin() {
  local dir
  credstack_pg_bin=""
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && credstack_pg_bin="$dir"
  done
  [[ -n "$credstack_pg_bin" ]]
}

credstack_pg_install() {
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else return 1; fi
  fi
  echo "test.sh: installing PostgreSQL from Debian's packages" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

credstack_pg_free_port() {
  local port i
  for i in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    # A refused connection means nothing listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

credstack_pg_stop() {
  if [[ -n "$credstack_pg_dir" && -d "$credstack_pg_dir" ]]; then
    (cd / && "${credstack_pg_runas[@]}" "$credstack_pg_bin/pg_ctl" -D "$credstack_pg_dir/data" -m immediate -w stop >/dev/null 2>&1) || true
    rm -rf "$credstack_pg_dir"
    credstack_pg_dir=""
  fi
}

credstack_pg_start() {
  if [[ -n "${CREDSTACK_TEST_POSTGRES:-}" ]]; then
    echo "test.sh: using the PostgreSQL cluster in CREDSTACK_TEST_POSTGRES" >&2
    return 0
  fi
  if ! credstack_pg_find_bin; then
    if ! credstack_pg_install || ! credstack_pg_find_bin; then
      missing "PostgreSQL (initdb/pg_ctl) is not installed and could not be installed: PostgreSQL tests are skipped"
      return 0
    fi
  fi

  local user owner
  if [[ $EUID -eq 0 ]]; then
    # PostgreSQL will not run as root; Debian's package creates the postgres system user.
    if ! id postgres >/dev/null 2>&1; then
      missing "no 'postgres' system user to run a PostgreSQL cluster as: PostgreSQL tests are skipped"
      return 0
    fi
    credstack_pg_runas=(runuser -u postgres --)
    owner=postgres
  else
    credstack_pg_runas=()
    owner=$(id -un)
  fi

  local port
  port=$(credstack_pg_free_port) || { missing "no free loopback port for PostgreSQL: PostgreSQL tests are skipped"; return 0; }
  credstack_pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/credstack-pg.XXXXXX")
  chown "$owner" "$credstack_pg_dir"
  trap credstack_pg_stop EXIT
  user=credstack
  if ! (cd / && "${credstack_pg_runas[@]}" "$credstack_pg_bin/initdb" -D "$credstack_pg_dir/data" -U "$user" \
          --auth=trust -E UTF8 --no-locale >"$credstack_pg_dir/initdb.log" 2>&1); then
    cat "$credstack_pg_dir/initdb.log" >&2
    missing "initdb failed: PostgreSQL tests are skipped"
    credstack_pg_stop
    return 0
  fi
  # Durability settings off: the cluster lives for one test run.
  if ! (cd / && "${credstack_pg_runas[@]}" "$credstack_pg_bin/pg_ctl" -D "$credstack_pg_dir/data" -l "$credstack_pg_dir/server.log" -w -t 60 \
          -o "-p $port -k $credstack_pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
          start >/dev/null); then
    cat "$credstack_pg_dir/server.log" >&2 || true
    missing "the PostgreSQL cluster did not start: PostgreSQL tests are skipped"
    credstack_pg_stop
    return 0
  fi
  export CREDSTACK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$user;Database=postgres"
  echo "test.sh: throw-away PostgreSQL $("$credstack_pg_bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}
