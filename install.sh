#!/usr/bin/env bash
# Install briefing: espeak-ng and ffmpeg when missing (apt or brew), then a virtual
# environment in .venv with the package. `./install.sh --dev` adds the test tools (and the
# system programs the tests run: faketime, Chromium with its driver, an OpenSSH server).
set -euo pipefail
cd "$(dirname "$0")"

extras=""
dev=0
if [ "${1:-}" = "--dev" ]; then extras="[dev]"; dev=1; fi

missing=()
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
if [ "$dev" = 1 ]; then
  command -v faketime >/dev/null 2>&1 || missing+=(faketime)
  if command -v apt-get >/dev/null 2>&1; then  # the web player's browser tests (Debian's)
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
    [ -x /usr/sbin/sshd ] || missing+=(openssh-server)  # the publish tests' SFTP server
  fi
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install.sh: installing ${missing[*]}" >&2
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v brew >/dev/null 2>&1; then
    brew install "${missing[@]/#faketime/libfaketime}"
  else
    echo "install.sh: please install ${missing[*]} with your package manager, then run me again." >&2
    exit 1
  fi
fi

python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
if [ -z "$python" ]; then
  echo "install.sh: briefing needs Python 3.11 or newer; install it and run me again." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
echo "install.sh: ready: $(.venv/bin/briefing --version) in .venv" >&2
