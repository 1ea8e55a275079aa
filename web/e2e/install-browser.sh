#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (never a browser downloaded by a test tool).
set -euo pipefail
# grep reads all of fc-list's output (no -q): with pipefail an early exit would SIGPIPE fc-list and fail the check.
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null; then exit 0; fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium fonts-noto-cjk
