#!/usr/bin/env bash
# Sets up a fresh Debian machine for this repo: system packages, pnpm at the
# pinned version, the workspace's npm packages (native ones built against the
# local Node headers) and a build. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

# Debian packages: headless-gl's build (libxi-dev libglu1-mesa-dev libglew-dev
# pkg-config), an X display for it (xvfb), Chromium for browser tests, NumPy
# for the reference script in benchmarks.
apt_packages=(libxi-dev libglu1-mesa-dev libglew-dev pkg-config xvfb chromium python3-numpy)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    log "missing Debian packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})"
    exit 1
  fi
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# pnpm at the version pinned in package.json's packageManager.
want=$(node -p "require('./package.json').packageManager.split('@')[1]")
have=$(pnpm --version 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  log "installing pnpm $want (found: ${have:-none})"
  npm install --global --silent "pnpm@$want"
fi

# node-gyp would download Node headers (there is no internet): point it at the
# local Node prefix, which has include/node/node.h.
node_prefix=$(node -p "require('path').resolve(process.execPath, '../..')")
if [ -f "$node_prefix/include/node/node.h" ]; then
  export npm_config_nodedir="$node_prefix"
else
  log "warning: no Node headers under $node_prefix/include/node; native packages may fail to build"
fi

log "installing npm packages"
pnpm install --frozen-lockfile
log "building"
pnpm build
