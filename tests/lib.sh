# Shared by the scripts CI runs under tests/ (html/vnu.sh, translators/clients.sh,
# print/clients.sh, browser/run.sh) and by .ci/run: sourced after each sets `here` to its
# own folder. Makes the repository root the working folder (as `root`), installs Debian
# packages a script needs, and stops a script with a message.

root="$(cd "$here/../.." && pwd)"
cd "$root"

# Debian packages, installed with apt-get as root or with sudo.
apt_install() {
  echo "$(basename "$0"): installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && apt-get install -y "$@"
  else
    sudo apt-get update && sudo apt-get install -y "$@"
  fi
}

# Stops the script with a message that names it.
fail() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}
