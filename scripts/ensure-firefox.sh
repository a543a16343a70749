#!/usr/bin/env bash
# Makes sure Debian's Firefox ESR is installed: the Firefox end-to-end test
# (tests/e2e/firefox.test.ts) drives it. Installs it when missing and we may
# (root with apt-get).
set -euo pipefail
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
if [ -x "$FIREFOX" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Firefox not found at $FIREFOX: installing Debian's firefox-esr package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq firefox-esr >&2
  exit 0
fi
echo "Firefox is needed at $FIREFOX. Install it (sudo apt-get install -y firefox-esr) or set FIREFOX_PATH." >&2
exit 1
