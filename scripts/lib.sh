# Shared helpers of the scripts: sourced, not run.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="${FORGEFLOW_TOOLS_DIR:-$repo_root/.forgeflow/tools}"

say() { printf '\033[1m[forgeflow]\033[0m %s\n' "$*" >&2; }

apt_updated=""
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    say "missing $*: install it (root is needed for apt-get)"; return 1
  fi
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need_java17() {
  local major
  major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  if [ -z "$major" ] || [ "${major%%.*}" -lt 17 ]; then
    say "installing OpenJDK 17"; apt_install openjdk-17-jdk-headless
  fi
}

need_maven() {
  command -v mvn >/dev/null 2>&1 || { say "installing Maven"; apt_install maven; }
}

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits until host:port accepts connections, up to $3 seconds.
wait_for_port() {
  local host=$1 port=$2 limit=${3:-60} i
  for ((i = 0; i < limit * 5; i++)); do
    if python3 -c "import socket,sys; socket.create_connection(('$host',$port),0.5)" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}
