#!/usr/bin/env bash
# Installs the Debian 12 packages that bubblewatch needs to build, test and benchmark
# (chromium and the Noto CJK fonts: the test that renders the HTML report).
# Does nothing when every package is already installed. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config python3
  libcurl4-openssl-dev libgumbo-dev libicu-dev libre2-dev libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libxml2-dev libcpp-httplib-dev
  zlib1g-dev libzstd-dev libbrotli-dev
  chromium fonts-noto-cjk
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
