#!/usr/bin/env bash
# Install briefing: espeak-ng and ffmpeg when missing (apt or brew), then a virtual
# environment in .venv with the package and every dependency at the version pinned in uv.lock
# (`uv sync --frozen`: nothing newer than what the lock names, hashes checked), then the natural
# voice into the user's data folder. `./install.sh --dev` adds the test tools (and the system
# programs the tests run: faketime, Chromium with its driver, an OpenSSH server).
set -euo pipefail
cd "$(dirname "$0")"

UV_VERSION="0.13.9"  # the installer that reads uv.lock; raise it in the same commit as the lock
extras=(--extra voice)
dev=0
if [ "${1:-}" = "--dev" ]; then extras+=(--extra dev); dev=1; fi

missing=()
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
if [ "$dev" = 1 ]; then
  command -v faketime >/dev/null 2>&1 || missing+=(faketime)
  if command -v apt-get >/dev/null 2>&1; then  # the web player's browser tests (Debian's)
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
    [ -x /usr/sbin/sshd ] || missing+=(openssh-server)  # the publish tests' SFTP server
    [ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)  # the IMAP source's tests' server
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
for candidate in python3.14 python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 15))' 2>/dev/null; then
    python="$(command -v "$candidate")"
    break
  fi
done
if [ -z "$python" ]; then
  echo "install.sh: briefing needs Python 3.11 to 3.14; install one and run me again." >&2
  exit 1
fi

# uv itself lives in its own small environment (.tools/uv), so that syncing .venv to the lock
# never removes the program doing the sync.
uv=.tools/uv/bin/uv
if ! "$uv" --version 2>/dev/null | grep -qx "uv $UV_VERSION"; then
  rm -rf .tools/uv
  "$python" -m venv .tools/uv
  .tools/uv/bin/python -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi
UV_PYTHON_DOWNLOADS=never "$uv" sync --quiet --frozen --python "$python" "${extras[@]}"
.venv/bin/briefing voices install --quiet || {
  echo "install.sh: the natural voice could not be installed; briefing will speak with espeak-ng." >&2
}
echo "install.sh: ready: $(.venv/bin/briefing --version) in .venv" >&2
