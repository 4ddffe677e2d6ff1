#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only when missing: Xvfb for the JavaFX window tests,
# Chromium and its driver for the web console tests. Root (or sudo) is needed the first time.
set -euo pipefail
need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fc-list >/dev/null 2>&1 || need+=(fontconfig fonts-dejavu-core)
# DejaVu Sans draws non-Latin receipts (raster and PDF preview); tests check Arabic output
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "tillsync: installing test packages: ${need[*]}" >&2
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
