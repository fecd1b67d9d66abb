#!/usr/bin/env bash
# A throwaway PostgreSQL primary and hot standby for the archive tests
# (CTest fixture pg_cluster). Unix sockets only (no TCP), in a temporary
# folder; fsync off. As root, the server runs as `nobody` (initdb refuses root).
#   pg_cluster.sh start STATE   -> writes STATE: the folder, or "skip: reason"
#   pg_cluster.sh stop STATE    -> stops both servers and removes the folder
set -euo pipefail
action=$1 state=$2

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

stop() {
  [ -f "$state" ] || return 0
  local dir; dir=$(cat "$state")
  if [ -d "$dir" ]; then
    for node in standby primary; do
      [ -f "$dir/$node/postmaster.pid" ] && as_server_user "$bindir/pg_ctl" -D "$dir/$node" -m immediate -w stop >/dev/null 2>&1 || true
    done
    rm -rf "$dir"
  fi
  rm -f "$state"
}

bindir=""
for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_basebackup" ]; then bindir=$candidate; break; fi
done

if [ "$action" = stop ]; then
  if [ -n "$bindir" ]; then stop; else rm -f "$state"; fi
  exit 0
fi

if [ -z "$bindir" ]; then
  echo "skip: the PostgreSQL server is not installed (apt-get install postgresql-15)" > "$state"
  echo "archive tests will skip: install postgresql-15 to run them"
  exit 0
fi
stop # a cluster left by an interrupted run
dir=$(mktemp -d /tmp/liaison-pg-XXXXXX)
echo "$dir" > "$state"
trap 'stop' ERR
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown nobody:nogroup "$dir"
as_server_user "$bindir/initdb" -D "$dir/primary" -U liaison --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
cat >>"$dir/primary/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = 5432
fsync = off
full_page_writes = off
synchronous_commit = off
max_connections = 40
shared_buffers = 64MB
CONF
as_server_user "$bindir/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
as_server_user "$bindir/pg_basebackup" -h "$dir" -p 5432 -U liaison -D "$dir/standby" -R -X stream >/dev/null 2>&1
sed -i 's/^port = 5432/port = 5433/' "$dir/standby/postgresql.conf"
as_server_user "$bindir/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w start >/dev/null
echo "PostgreSQL primary (port 5432) and hot standby (port 5433) in $dir"
